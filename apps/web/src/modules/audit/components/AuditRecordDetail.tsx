import type { AuditRecord } from "@sanshe/contracts";
import { Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useEnumLabel } from "../../../ui/enumLabels";

/** Expanded row of the audit table: context, request id and chain hash of one record. */
export function AuditRecordDetail({ record }: { record: AuditRecord }) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const hasDetail = Object.keys(record.detail).length > 0;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: "id", label: t("audit.record.id"), children: record.id },
        { key: "entityType", label: t("audit.record.entityType"), children: enumLabel("auditEntity", record.entity_type) },
        {
          key: "requestId",
          label: t("audit.record.requestId"),
          children: record.request_id ? (
            <Typography.Text copyable code>
              {record.request_id}
            </Typography.Text>
          ) : (
            "—"
          ),
        },
        {
          key: "hash",
          label: t("audit.record.hash"),
          children: record.hash ? (
            <Typography.Text copyable code style={{ wordBreak: "break-all" }}>
              {record.hash}
            </Typography.Text>
          ) : (
            t("audit.record.unsealed")
          ),
        },
        {
          key: "detail",
          label: t("audit.record.detail"),
          children: hasDetail ? (
            <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all", fontSize: 12 }}>
              {JSON.stringify(record.detail, null, 2)}
            </pre>
          ) : (
            "—"
          ),
        },
      ]}
    />
  );
}
