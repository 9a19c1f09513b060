import type { CreditSummary } from "@sanshe/contracts";
import { Card, Col, Descriptions, Empty, Row, Skeleton, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { useHasPermission } from "../../../auth";
import { formatFen } from "../../money";
import { useCreditRecord, useLedgerSummary, usePublicCredit } from "../api";
import { LedgerSummaryView } from "./LedgerSummaryView";
import { ContractStatusTag, GradeTag } from "./StatusTags";
import { SummaryTable } from "../../../../ui/SummaryTable";

/** Counts of a credit record: contracts, completed, overdue milestones, returned reports, grades. */
function CreditCounts({ credit }: { credit: CreditSummary }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        { key: "total", label: t("contracts.credit.total"), children: credit.total },
        { key: "completed", label: t("contracts.credit.completed"), children: credit.completed },
        { key: "overdue", label: t("contracts.credit.overdue"), children: credit.overdue_milestones },
        { key: "returned", label: t("contracts.credit.returned"), children: credit.returned_reports },
        {
          key: "grades",
          label: t("contracts.credit.grades"),
          children: (["excellent", "good", "pass", "fail"] as const).map((grade) => (
            <Tag key={grade}>
              {t(`contracts.grade.${grade}`)} {credit.grades[grade]}
            </Tag>
          )),
        },
      ]}
    />
  );
}

/** 资金与信用: an organization's ledger totals by source and year, and its credit record (purchaser side). */
export function FundingCreditSection({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const canReadProjects = useHasPermission("projects.read");
  const canReadCredit = useHasPermission("calls.manage");
  const summary = useLedgerSummary(canReadProjects ? { org_id: orgId } : undefined);
  const credit = useCreditRecord(orgId, canReadCredit);
  if (!canReadProjects && !canReadCredit) {
    return null;
  }
  return (
    <Card title={t("contracts.credit.section")} style={{ marginTop: 16 }}>
      <Row gutter={[16, 16]}>
        {canReadProjects ? (
          <Col span={24}>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t("contracts.credit.funding")}
            </Typography.Title>
            {summary.isError ? (
              <ProblemAlert error={summary.error} />
            ) : summary.data ? (
              <LedgerSummaryView summary={summary.data} />
            ) : (
              <Skeleton active />
            )}
          </Col>
        ) : null}
        {canReadCredit ? (
          <Col span={24}>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t("contracts.credit.record")}
            </Typography.Title>
            {credit.isError ? (
              <ProblemAlert error={credit.error} />
            ) : credit.data ? (
              <>
                <CreditCounts credit={credit.data} />
                <SummaryTable
                  rowKey="contract_id"
                  dataSource={credit.data.projects}
                  locale={{ emptyText: <Empty description={t("contracts.credit.noProjects")} /> }}
                  columns={[
                    {
                      key: "title",
                      title: t("contracts.fields.title"),
                      render: (_v, row) => <Link to={`/contracts/${row.contract_id}`}>{row.title}</Link>,
                    },
                    { key: "amount", title: t("contracts.fields.amount"), align: "right", render: (_v, row) => formatFen(row.amount_fen) },
                    { key: "status", title: t("contracts.fields.status"), render: (_v, row) => <ContractStatusTag status={row.status} /> },
                    { key: "grade", title: t("contracts.evaluation.grade"), render: (_v, row) => <GradeTag grade={row.grade} /> },
                    { key: "overdue", title: t("contracts.credit.overdue"), dataIndex: "overdue_milestones" },
                    { key: "returned", title: t("contracts.credit.returned"), dataIndex: "returned_reports" },
                  ]}
                />
              </>
            ) : (
              <Skeleton active />
            )}
          </Col>
        ) : null}
      </Row>
    </Card>
  );
}

/** The public credit summary of an organization (counts and grades only). */
export function PublicCreditSummary({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const credit = usePublicCredit(orgId);
  if (credit.isPending) {
    return <Skeleton active paragraph={{ rows: 1 }} />;
  }
  if (credit.isError) {
    return <ProblemAlert error={credit.error} />;
  }
  if (credit.data.total === 0) {
    return <Typography.Text type="secondary">{t("contracts.credit.noPublic")}</Typography.Text>;
  }
  return (
    <div>
      <Typography.Text strong>{t("contracts.credit.public")}</Typography.Text>
      <CreditCounts credit={credit.data} />
    </div>
  );
}
