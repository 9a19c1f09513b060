import { CloudUploadOutlined } from "@ant-design/icons";
import type { ImportJob } from "@sanshe/contracts";
import { Alert, Button, Flex, Popconfirm, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useCommitImport } from "../api";
import { ImportErrorsTable } from "./ImportErrorsTable";

/** Errors the server keeps per job; more are counted but not listed. */
const MAX_STORED_ERRORS = 1000;

type ImportReportProps = {
  job: ImportJob;
  onReupload: () => void;
};

/** Step 3: the validation report with 全部导入 / 仅导入有效行 / 重新上传. */
export function ImportReport({ job, onReupload }: ImportReportProps) {
  const { t } = useTranslation();
  const commit = useCommitImport(job.id);
  const { keyFor } = useIdempotencyKey();
  const isFailed = job.status === "failed";
  const hasErrors = job.error_rows > 0;
  const start = (mode: "all" | "valid_only") => commit.mutate({ mode, idempotencyKey: keyFor({ id: job.id, mode }) });

  const importAll = (
    <Button
      type={hasErrors ? "default" : "primary"}
      disabled={hasErrors || job.valid_rows === 0}
      loading={commit.isPending && commit.variables.mode === "all"}
      onClick={() => start("all")}
      data-testid="import-all"
    >
      {t("imports.report.importAll")}
    </Button>
  );

  return (
    <>
      {isFailed ? (
        <Alert
          type="error"
          showIcon
          title={t("imports.report.failed")}
          description={t("imports.report.failedHint")}
          style={{ marginBottom: 16 }}
        />
      ) : hasErrors ? (
        <Alert
          type="warning"
          showIcon
          title={t("imports.report.hasErrors", { count: job.error_rows })}
          description={job.valid_rows === 0 ? t("imports.report.noValid") : t("imports.report.hasErrorsHint")}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <Alert type="success" showIcon title={t("imports.report.allValid", { count: job.valid_rows })} style={{ marginBottom: 16 }} />
      )}
      {job.errors.length > 0 ? (
        <>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t("imports.errors.title")}
          </Typography.Title>
          {job.errors.length >= MAX_STORED_ERRORS ? (
            <Typography.Paragraph type="secondary">{t("imports.report.truncated", { count: job.errors.length })}</Typography.Paragraph>
          ) : null}
          <ImportErrorsTable errors={job.errors} fileName={job.file_name} />
        </>
      ) : null}
      {commit.isError ? <ProblemAlert error={commit.error} style={{ marginTop: 16 }} /> : null}
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        {isFailed ? null : (
          <>
            {hasErrors ? (
              <Tooltip title={t("imports.report.importAllBlocked", { count: job.error_rows })}>
                <span style={{ display: "inline-block", cursor: "not-allowed" }}>{importAll}</span>
              </Tooltip>
            ) : (
              importAll
            )}
            <Popconfirm
              title={t("imports.report.importValid")}
              description={t("imports.report.importValidConfirm", { errors: job.error_rows, valid: job.valid_rows })}
              okText={t("imports.report.importValidOk")}
              cancelText={t("imports.report.cancel")}
              disabled={!hasErrors || job.valid_rows === 0}
              onConfirm={() => start("valid_only")}
            >
              <Button
                type={hasErrors ? "primary" : "default"}
                disabled={job.valid_rows === 0}
                loading={commit.isPending && commit.variables.mode === "valid_only"}
                onClick={hasErrors ? undefined : () => start("valid_only")}
                data-testid="import-valid-only"
              >
                {t("imports.report.importValid")}
              </Button>
            </Popconfirm>
          </>
        )}
        <Button icon={<CloudUploadOutlined />} onClick={onReupload}>
          {t("imports.report.reupload")}
        </Button>
      </Flex>
    </>
  );
}
