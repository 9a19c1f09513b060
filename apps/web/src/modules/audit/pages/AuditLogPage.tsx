import { SafetyCertificateOutlined } from "@ant-design/icons";
import { AUDIT_SORTS, type AuditRecord } from "@sanshe/contracts";
import { Button, Card, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { CursorListTable } from "../../../ui/CursorListTable";
import { ExportButton } from "../../../ui/ExportButton";
import { formatDateTime } from "../../../ui/formatDateTime";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useAuditActionLabel, useEnumLabel } from "../../../ui/enumLabels";
import { useUrlSort } from "../../../ui/searchParams";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { AreaName } from "../../jurisdictions";
import { useAuditLog, useVerifyChain } from "../api";
import { AuditFilters } from "../components/AuditFilters";
import { AuditOutcomeTag } from "../components/AuditOutcomeTag";
import { AuditRecordDetail } from "../components/AuditRecordDetail";
import { ChainVerificationResult } from "../components/ChainVerificationResult";
import { useAuditFilters } from "../hooks/useAuditFilters";
import { endOfShanghaiDay, startOfShanghaiDay } from "../utils/shanghai-day";

/**
 * 审计日志: who did what, where and with what outcome (filters and sort by time in the URL, the capped
 * total, a column chooser, an audited export); and a check of the tamper-evident hash chain.
 */
export function AuditLogPage() {
  const { t } = useTranslation();
  const { filters, setFilters } = useAuditFilters();
  const verify = useVerifyChain();
  const actionLabel = useAuditActionLabel();
  const enumLabel = useEnumLabel();

  const query = {
    actor_login: filters.actor_login,
    action: filters.action,
    entity_id: filters.entity_id,
    outcome: filters.outcome,
    from: filters.from_day ? startOfShanghaiDay(filters.from_day) : undefined,
    to: filters.to_day ? endOfShanghaiDay(filters.to_day) : undefined,
  };
  const [sort, setSort] = useUrlSort(AUDIT_SORTS);
  const paging = useCursorPaging([query, sort], 50);
  const { pagination, pageSize } = paging;
  const log = useAuditLog({ ...query, sort, cursor: pagination.cursor, limit: pageSize });
  const hasFilters = Object.values(query).some((value) => value !== undefined);

  const columns: TableColumnsType<AuditRecord> = [
    {
      key: "at",
      title: t("audit.columns.at"),
      dataIndex: "at",
      width: 170,
      render: (value: string) => <span style={{ whiteSpace: "nowrap" }}>{formatDateTime(value)}</span>,
    },
    {
      key: "actor",
      title: t("audit.columns.actor"),
      dataIndex: "actor_login",
      onCell: () => ({ style: { whiteSpace: "nowrap" } }),
      // A login is the account's identifier, shown as typed (data-allow-code); "system" is the platform itself.
      render: (value: string | null) =>
        value === null || value === "system" ? (
          <Typography.Text type="secondary">{t("audit.columns.system")}</Typography.Text>
        ) : (
          <span data-allow-code>{value}</span>
        ),
    },
    {
      key: "action",
      title: t("audit.columns.action"),
      dataIndex: "action",
      render: (value: string) => <span title={value}>{actionLabel(value)}</span>,
    },
    {
      key: "entity",
      title: t("audit.columns.entity"),
      render: (_value, record) =>
        record.entity_id ? (
          <span>
            {record.entity_type ? (
              <Typography.Text type="secondary">{enumLabel("auditEntity", record.entity_type)} </Typography.Text>
            ) : null}
            <Typography.Text style={{ fontFamily: "monospace", fontSize: 12 }} ellipsis={{ tooltip: record.entity_id }}>
              {record.entity_id}
            </Typography.Text>
          </span>
        ) : (
          "—"
        ),
      width: 220,
    },
    {
      key: "area",
      title: t("audit.columns.area"),
      dataIndex: "area_code",
      render: (value: string) =>
        value === "" ? <Typography.Text type="secondary">{t("audit.columns.platform")}</Typography.Text> : <AreaName code={value} />,
    },
    { key: "ip", title: t("audit.columns.ip"), dataIndex: "ip", render: (value: string | null) => value ?? "—" },
    {
      key: "outcome",
      title: t("audit.columns.outcome"),
      dataIndex: "outcome",
      render: (value: AuditRecord["outcome"]) => <AuditOutcomeTag outcome={value} />,
      width: 90,
    },
    {
      key: "seq",
      title: t("audit.columns.seq"),
      dataIndex: "seq",
      render: (value: string | null) => value ?? <Typography.Text type="secondary">{t("audit.columns.unsealed")}</Typography.Text>,
      width: 100,
    },
  ];

  return (
    <>
      <PageHeader
        title={t("audit.page.title")}
        subtitle={t("audit.page.subtitle")}
        extra={
          <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
            {t("audit.verify.button")}
          </Button>
        }
      />
      {verify.isError ? <ProblemAlert error={verify.error} style={{ marginBottom: 16 }} /> : null}
      {verify.data ? (
        <div style={{ marginBottom: 16 }}>
          <ChainVerificationResult result={verify.data} />
        </div>
      ) : null}
      <Card>
        <AuditFilters value={filters} onChange={setFilters} />
        <CursorListTable<AuditRecord>
          query={log}
          paging={paging}
          size="small"
          columns={columns}
          scrollX={1100}
          expandable={{ expandedRowRender: (record) => <AuditRecordDetail record={record} /> }}
          emptyText={hasFilters ? t("audit.page.emptyFiltered") : t("audit.page.empty")}
          sorting={{ allowed: AUDIT_SORTS, sort, onChange: setSort }}
          columnsKey="audit-log"
          toolbar={<ExportButton kind="audit-log" filters={{ ...query, sort }} />}
        />
      </Card>
    </>
  );
}
