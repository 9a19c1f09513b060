import { PlusOutlined } from "@ant-design/icons";
import type { FundingSource, LedgerEntry } from "@sanshe/contracts";
import { FundingSourceSchema } from "@sanshe/contracts";
import { Button, Card, Form, Select, Skeleton, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { CursorListTable } from "../../../../ui/CursorListTable";
import { PageHeader } from "../../../../ui/PageHeader";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { useCursorPaging } from "../../../../ui/useCursorPagination";
import { formatFen } from "../../money";
import { useLedger, useLedgerSummary } from "../api";
import { LedgerEntryModal } from "../components/LedgerEntryModal";
import { LedgerSummaryView } from "../components/LedgerSummaryView";
import { useProjectRoles } from "../hooks";
import { PrintButton } from "../components/PrintButton";

/** 资金台账: payments on milestones and other income, with totals by source and year. */
export function FundingLedgerPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const contractId = params.get("contract") ?? undefined;
  const { isOrgStaff, organizations, purchaserArea } = useProjectRoles();
  const [source, setSource] = useState<FundingSource | undefined>(undefined);
  const [isRecording, setIsRecording] = useState(false);
  const paging = useCursorPaging([source, contractId], 20);
  const { pagination, pageSize } = paging;
  const list = useLedger({ source, contract_id: contractId, cursor: pagination.cursor, limit: pageSize });
  const firstOrg = organizations[0];
  const summaryParams = firstOrg ? { org_id: firstOrg.id } : purchaserArea ? { area: purchaserArea.code } : undefined;
  const summary = useLedgerSummary(summaryParams);

  const columns: TableColumnsType<LedgerEntry> = [
    { key: "paid_on", title: t("contracts.ledger.paidOn"), dataIndex: "paid_on" },
    { key: "org", title: t("contracts.fields.org"), dataIndex: "org_name" },
    { key: "source", title: t("contracts.ledger.source"), render: (_v, row) => <Tag>{t(`socialOrgs.funding.${row.source}`)}</Tag> },
    { key: "amount", title: t("contracts.ledger.amount"), align: "right", render: (_v, row) => formatFen(row.amount_fen) },
    {
      key: "description",
      title: t("contracts.ledger.description"),
      render: (_v, row) => (row.contract_id ? <Link to={`/contracts/${row.contract_id}`}>{row.description}</Link> : row.description),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("contracts.ledger.title")}
        subtitle={t("contracts.ledger.subtitle")}
        extra={
          <>
            {isOrgStaff ? (
              <Button className="sanshe-no-print" type="primary" icon={<PlusOutlined />} onClick={() => setIsRecording(true)}>
                {t("contracts.ledger.record")}
              </Button>
            ) : null}
            <PrintButton />
          </>
        }
      />
      <Card
        title={
          firstOrg
            ? t("contracts.ledger.summaryOrg", { name: firstOrg.name })
            : purchaserArea
              ? t("contracts.ledger.summaryArea", { name: purchaserArea.name })
              : t("contracts.ledger.summary")
        }
        style={{ marginBottom: 16 }}
      >
        {!summaryParams ? (
          <Typography.Text type="secondary">{t("contracts.ledger.summaryNone")}</Typography.Text>
        ) : summary.isError ? (
          <ProblemAlert error={summary.error} />
        ) : summary.data ? (
          <LedgerSummaryView summary={summary.data} />
        ) : (
          <Skeleton active />
        )}
      </Card>
      <Card title={t("contracts.ledger.rows")}>
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} className="sanshe-no-print">
          <Form.Item label={t("contracts.ledger.source")}>
            <Select
              allowClear
              aria-label={t("contracts.ledger.source")}
              style={{ width: 180 }}
              value={source}
              onChange={(value: FundingSource | undefined) => setSource(value)}
              options={FundingSourceSchema.options.map((value) => ({ value, label: t(`socialOrgs.funding.${value}`) }))}
            />
          </Form.Item>
          {contractId ? (
            <Tag
              closable
              onClose={() => {
                const next = new URLSearchParams(params);
                next.delete("contract");
                setParams(next);
              }}
            >
              {t("contracts.ledger.oneContract")}
            </Tag>
          ) : null}
        </Form>
        <CursorListTable<LedgerEntry>
          query={list}
          paging={paging}
          columns={columns}
          scrollX={800}
          emptyText={isOrgStaff ? t("contracts.ledger.emptyOrg") : t("contracts.ledger.empty")}
        />
      </Card>
      {isOrgStaff ? <LedgerEntryModal open={isRecording} onClose={() => setIsRecording(false)} organizations={organizations} /> : null}
    </>
  );
}
