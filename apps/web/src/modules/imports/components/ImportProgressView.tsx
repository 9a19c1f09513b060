import type { ImportJob } from "@sanshe/contracts";
import { Alert, Button, Card, Col, Flex, Progress, Result, Row, Statistic, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../ui/formatDateTime";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useResumeImport } from "../api";
import { progressCounts, progressPercent, resumeRow, writeErrors } from "../utils/job";
import { ImportErrorsTable } from "./ImportErrorsTable";

type ImportProgressViewProps = {
  job: ImportJob;
  onAnother: () => void;
};

/**
 * Steps 3–4 in motion: progress while the file is checked (校验中) or written (写入中), with rows done
 * of rows to do; 从第 N 行继续 when writing was interrupted; and the outcome.
 */
export function ImportProgressView({ job, onAnother }: ImportProgressViewProps) {
  const { t } = useTranslation();
  const resume = useResumeImport(job.id);
  const { keyFor } = useIdempotencyKey();
  const failedRows = writeErrors(job);
  const { processed, total } = progressCounts(job);
  const counts = { processed, total, valid: total };

  if (job.status === "completed") {
    const skipped = job.mode === "valid_only" ? Math.max(0, job.total_rows - job.valid_rows) : 0;
    return (
      <>
        <Result
          status={failedRows.length > 0 ? "warning" : "success"}
          title={failedRows.length > 0 ? t("imports.progress.doneWithErrors", { count: failedRows.length }) : t("imports.progress.done")}
          subTitle={job.finished_at ? t("imports.progress.finishedAt", { time: formatDateTime(job.finished_at) }) : undefined}
          extra={
            <Button type="primary" onClick={onAnother}>
              {t("imports.progress.another")}
            </Button>
          }
        >
          <Row gutter={16} justify="center">
            {(["inserted", "updated", "unchanged"] as const).map((key) => (
              <Col key={key} xs={8} sm={6}>
                <Card size="small">
                  <Statistic title={t(`imports.progress.${key}`)} value={job[key]} />
                </Card>
              </Col>
            ))}
          </Row>
          {skipped > 0 ? (
            <Typography.Paragraph type="secondary" style={{ textAlign: "center", marginTop: 16, marginBottom: 0 }}>
              {t("imports.progress.skipped", { count: skipped })}
            </Typography.Paragraph>
          ) : null}
        </Result>
        {failedRows.length > 0 ? (
          <>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t("imports.progress.writeErrors")}
            </Typography.Title>
            <ImportErrorsTable errors={failedRows} fileName={job.file_name} />
          </>
        ) : null}
      </>
    );
  }

  const isInterrupted = job.status === "interrupted";
  const isChecking = job.status === "validating";
  const progressText = t(isChecking ? "imports.progress.checking" : "imports.progress.running", counts);
  return (
    <Flex vertical gap={16} data-testid="import-progress">
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Typography.Text strong data-testid="import-progress-phase">
          {t(isChecking ? "imports.progress.phaseChecking" : "imports.progress.phaseWriting")}
        </Typography.Text>
        <Typography.Text data-testid="import-progress-counts">{t("imports.progress.counts", counts)}</Typography.Text>
      </Flex>
      <Progress percent={progressPercent(job)} status={isInterrupted ? "normal" : "active"} aria-label={progressText} />
      {isInterrupted ? (
        <Alert
          type="warning"
          showIcon
          title={t("imports.progress.interrupted")}
          description={t("imports.progress.interruptedHint", counts)}
          action={
            <Button
              type="primary"
              loading={resume.isPending}
              onClick={() => resume.mutate({ idempotencyKey: keyFor({ id: job.id, from: job.last_row_number }) })}
              data-testid="import-resume"
            >
              {t("imports.progress.resume", { row: resumeRow(job) })}
            </Button>
          }
        />
      ) : (
        <>
          <Typography.Text>{progressText}</Typography.Text>
          <Alert type="info" showIcon title={t(isChecking ? "imports.progress.checkingHint" : "imports.progress.background")} />
        </>
      )}
      {resume.isError ? <ProblemAlert error={resume.error} /> : null}
      {failedRows.length > 0 ? (
        <>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t("imports.progress.writeErrors")}
          </Typography.Title>
          <ImportErrorsTable errors={failedRows} fileName={job.file_name} />
        </>
      ) : null}
    </Flex>
  );
}
