import type { ImportJob } from "@sanshe/contracts";
import { Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../ui/formatDateTime";
import { importKindLabelKey } from "../kinds";
import { ImportStatusTag } from "./ImportStatusTag";

/** File (with its detected encoding, 编码：GB18030), kind and row counts of a job. */
export function ImportSummary({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  // While the rows are being checked there are no counts yet.
  const checking = job.status === "validating";
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2, lg: 4 }}
      style={{ marginBottom: 16 }}
      items={[
        {
          key: "file",
          label: t("imports.summary.file"),
          span: 2,
          children: (
            <span>
              <Typography.Text strong>{job.file_name}</Typography.Text> <ImportStatusTag status={job.status} />
              <Typography.Text type="secondary" data-testid="import-encoding" style={{ marginInlineStart: 4 }}>
                {t("imports.encoding.label", { encoding: t(`imports.encoding.${job.encoding}`) })}
              </Typography.Text>
            </span>
          ),
        },
        { key: "kind", label: t("imports.summary.kind"), children: t(importKindLabelKey(job.kind), { defaultValue: job.kind }) },
        { key: "uploadedAt", label: t("imports.summary.uploadedAt"), children: formatDateTime(job.created_at) },
        { key: "total", label: t("imports.summary.total"), children: t("imports.summary.rows", { count: job.total_rows }) },
        {
          key: "valid",
          label: t("imports.summary.valid"),
          // antd's success green is too light on white (WCAG AA); green-8 reads.
          children: checking ? (
            "—"
          ) : (
            <Typography.Text style={{ color: "#237804" }}>{t("imports.summary.rows", { count: job.valid_rows })}</Typography.Text>
          ),
        },
        {
          key: "errors",
          label: t("imports.summary.errors"),
          span: 2,
          children: checking ? (
            "—"
          ) : (
            <Typography.Text type={job.error_rows > 0 ? "danger" : undefined}>
              {t("imports.summary.rows", { count: job.error_rows })}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
