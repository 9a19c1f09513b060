import { Alert, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api";

type ProblemAlertProps = {
  error: unknown;
  /** Shown instead of the server's title. */
  title?: ReactNode;
  style?: React.CSSProperties;
};

/** Shows an API problem's localized detail (and its request id for support); nothing when there is no error. */
export function ProblemAlert({ error, title, style }: ProblemAlertProps) {
  const { t } = useTranslation();
  if (error === null || error === undefined) {
    return null;
  }
  const problem = error instanceof ApiError ? error.problem : undefined;
  const detail = problem?.detail ?? (error instanceof Error ? error.message : t("ui.problem.title"));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={style}
      title={title ?? problem?.title ?? t("ui.problem.title")}
      description={
        <>
          <div>{detail}</div>
          {problem?.request_id ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("ui.problem.requestId", { id: problem.request_id })}
            </Typography.Text>
          ) : null}
        </>
      }
    />
  );
}
