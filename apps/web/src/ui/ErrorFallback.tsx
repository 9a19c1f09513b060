import { Button, Collapse, Result, Typography } from "antd";
import { useTranslation } from "react-i18next";

function describeError(error: unknown): string {
  if (error instanceof Error) {
    return `${error.name}: ${error.message}`;
  }
  if (typeof error === "object" && error !== null && "statusText" in error) {
    return String((error as { status?: unknown; statusText: unknown }).status) + " " + String(error.statusText);
  }
  return String(error);
}

/** Friendly "something went wrong" page used by the error boundary and the router's error element. */
export function ErrorFallback({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const isChunkError =
    error instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
  return (
    <Result
      status="error"
      title={t("ui.error.title")}
      subTitle={isChunkError ? t("ui.error.chunk") : t("ui.error.subtitle")}
      extra={[
        <Button type="primary" key="reload" onClick={() => window.location.reload()}>
          {t("ui.error.reload")}
        </Button>,
        <Button key="home" href="/">
          {t("ui.error.home")}
        </Button>,
      ]}
    >
      <Collapse
        ghost
        items={[
          {
            key: "detail",
            label: t("ui.error.details"),
            children: (
              <Typography.Paragraph code copyable>
                {describeError(error)}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </Result>
  );
}
