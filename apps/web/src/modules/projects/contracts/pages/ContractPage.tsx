import { PaperClipOutlined, PrinterOutlined } from "@ant-design/icons";
import type { Milestone, MilestoneReport } from "@sanshe/contracts";
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  List,
  Progress,
  Result,
  Row,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { isProblem } from "../../../../ui/api";
import { PageHeader } from "../../../../ui/PageHeader";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { formatDateTime } from "../../../../ui/formatDateTime";
import { useEnumLabel } from "../../../../ui/enumLabels";
import { AreaName } from "../../../jurisdictions";
import { formatFen } from "../../money";
import { contractAttachmentHref as attachmentUrl, useContract } from "../api";
import { ClosingModal } from "../components/ClosingModal";
import { EvaluationCard } from "../components/EvaluationCard";
import { ReportDecision } from "../components/ReportDecision";
import { ReportMilestoneDrawer } from "../components/ReportMilestoneDrawer";
import { ContractStatusTag, MilestoneStatusTag } from "../components/StatusTags";
import { useProjectRoles } from "../hooks";
import { SummaryTable } from "../../../../ui/SummaryTable";

/** One report: summary, evidence and the decision. */
function ReportView({ contractId, report, names }: { contractId: string; report: MilestoneReport; names: Map<string, string> }) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const e = report.evidence;
  return (
    <div style={{ borderLeft: "3px solid #d9d9d9", paddingLeft: 12, marginBottom: 8 }}>
      <Typography.Text type="secondary">
        {t("contracts.report.submittedAt", { at: formatDateTime(report.submitted_at) })} · {t(`contracts.reportOutcome.${report.outcome}`)}
        {report.decided_at ? ` · ${formatDateTime(report.decided_at)}` : ""}
      </Typography.Text>
      <Typography.Paragraph style={{ margin: "4px 0", whiteSpace: "pre-wrap" }}>{report.summary}</Typography.Paragraph>
      <Typography.Text type="secondary">
        {t("contracts.report.evidenceLine", {
          referrals: e.referral_ids.length,
          records: e.service_record_ids.length,
          people: e.beneficiaries_reached,
          files: e.attachment_ids.length,
        })}
      </Typography.Text>
      {report.evidence_items.length > 0 ? (
        <ul aria-label={t("contracts.report.evidenceItems")} style={{ margin: "4px 0", paddingLeft: 18 }}>
          {report.evidence_items.map((item) => (
            <li key={`${item.kind}-${item.id}`}>
              <Typography.Text type={item.outside_call ? undefined : "secondary"}>
                {t(`contracts.report.evidenceKind.${item.kind}`)} · {enumLabel("needCategory", item.category)} ·{" "}
                <AreaName code={item.area_code} />
              </Typography.Text>{" "}
              {item.outside_call ? (
                <Tag color="orange">
                  {t("contracts.report.outsideCall")}（
                  {item.outside_reasons.map((reason) => t(`contracts.report.outsideReason.${reason}`)).join("、")}）
                </Tag>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {e.attachment_ids.length > 0 ? (
        <div>
          {e.attachment_ids.map((id) => (
            <a key={id} href={attachmentUrl(contractId, id)} style={{ marginRight: 12 }}>
              <PaperClipOutlined /> {names.get(id) ?? t("contracts.report.file")}
            </a>
          ))}
        </div>
      ) : null}
      {report.decision_reason ? (
        <Typography.Paragraph style={{ margin: "4px 0 0" }}>
          {t("contracts.report.decisionReason")}：{report.decision_reason}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

/** 项目合同: parties, money, period, KPIs, milestones with their reports and the closing evaluation; role-dependent actions. */
export function ContractPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const query = useContract(id);
  const { managesArea, organizations } = useProjectRoles();
  const [reporting, setReporting] = useState<Milestone | undefined>(undefined);
  const [isClosing, setIsClosing] = useState(false);

  if (query.isPending) {
    return <Skeleton active />;
  }
  if (query.isError) {
    if (isProblem(query.error) && query.error.status === 404) {
      return (
        <Result
          status="404"
          title="404"
          subTitle={t("contracts.detail.notFound")}
          extra={<Link to="/contracts">{t("contracts.detail.back")}</Link>}
        />
      );
    }
    return <ProblemAlert error={query.error} />;
  }
  const contract = query.data;
  const isPurchaser = managesArea(contract.area_code);
  const isOwnOrg = organizations.some((org) => org.id === contract.org_id);
  const isActive = contract.status === "active";
  const paidPercent = contract.amount_fen > 0 ? Math.round((contract.paid_fen / contract.amount_fen) * 1000) / 10 : 0;
  const names = new Map(contract.attachments.map((a) => [a.id, a.original_name]));

  return (
    <>
      <PageHeader
        title={contract.title}
        subtitle={
          <Space wrap>
            <ContractStatusTag status={contract.status} />
            <span>{contract.org_name}</span>
          </Space>
        }
        extra={
          <Space className="sanshe-no-print" wrap>
            {isPurchaser && isActive ? <Button onClick={() => setIsClosing(true)}>{t("contracts.closing.open")}</Button> : null}
            <Button icon={<PrinterOutlined />} href={`/contracts/${contract.id}/print`} target="_blank">
              {t("contracts.detail.print")}
            </Button>
          </Space>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card size="small" style={{ height: "100%" }}>
            <Statistic title={t("contracts.fields.amount")} value={contract.amount_fen} formatter={() => formatFen(contract.amount_fen)} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" style={{ height: "100%" }} data-testid="paid">
            <Statistic title={t("contracts.fields.paid")} value={contract.paid_fen} formatter={() => formatFen(contract.paid_fen)} />
            <Progress percent={paidPercent} aria-label={t("contracts.fields.paidShare")} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" style={{ height: "100%" }}>
            <Statistic
              title={t("contracts.fields.remaining")}
              value={contract.remaining_fen}
              formatter={() => formatFen(contract.remaining_fen)}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t("contracts.detail.parties")} style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: "org", label: t("contracts.fields.org"), children: contract.org_name },
            { key: "area", label: t("contracts.fields.purchaserArea"), children: <AreaName code={contract.area_code} /> },
            { key: "period", label: t("contracts.fields.period"), children: `${contract.period_start} – ${contract.period_end}` },
            { key: "signed", label: t("contracts.fields.signedAt"), children: formatDateTime(contract.signed_at) },
            ...(contract.closed_at
              ? [{ key: "closed", label: t("contracts.fields.closedAt"), children: formatDateTime(contract.closed_at) }]
              : []),
          ]}
        />
      </Card>
      <Card title={t("contracts.fields.kpis")} style={{ marginBottom: 16 }}>
        <SummaryTable
          rowKey="name"
          dataSource={contract.kpis}
          locale={{ emptyText: <Empty description={t("contracts.detail.noKpis")} /> }}
          columns={[
            { key: "name", title: t("contracts.fields.kpiName"), dataIndex: "name" },
            { key: "target", title: t("contracts.fields.kpiTarget"), render: (_v, kpi) => `${kpi.target} ${kpi.unit}` },
          ]}
        />
      </Card>
      <Card title={t("contracts.fields.milestones")} style={{ marginBottom: 16 }}>
        <List
          dataSource={contract.milestones}
          rowKey="id"
          renderItem={(milestone) => {
            const pending = milestone.reports.find((r) => r.outcome === "pending");
            const canReport = isOwnOrg && isActive && (milestone.status === "pending" || milestone.status === "returned");
            return (
              <List.Item data-testid={`milestone-${milestone.position}`}>
                <div style={{ width: "100%" }}>
                  <Flex justify="space-between" align="flex-start" wrap gap={8}>
                    <div>
                      <Typography.Text strong>{milestone.title}</Typography.Text> <MilestoneStatusTag milestone={milestone} />
                      <div>
                        <Typography.Text type="secondary">
                          {t("contracts.milestone.line", {
                            due: milestone.due_on,
                            share: (milestone.share_bp / 100).toFixed(2),
                            amount: formatFen(milestone.amount_fen),
                          })}
                        </Typography.Text>
                        {milestone.accepted_at ? (
                          <Tag color="success" style={{ marginLeft: 8 }}>
                            {t("contracts.milestone.paidOn", {
                              at: formatDateTime(milestone.accepted_at),
                              amount: formatFen(milestone.amount_fen),
                            })}
                          </Tag>
                        ) : null}
                      </div>
                      <Typography.Paragraph style={{ margin: "4px 0" }}>{milestone.deliverables}</Typography.Paragraph>
                    </div>
                    <Space className="sanshe-no-print" wrap>
                      {canReport ? (
                        <Button type="primary" onClick={() => setReporting(milestone)}>
                          {milestone.status === "returned" ? t("contracts.report.again") : t("contracts.report.open")}
                        </Button>
                      ) : null}
                      {isPurchaser && pending && isActive ? (
                        <ReportDecision contractId={contract.id} milestone={milestone} report={pending} />
                      ) : null}
                    </Space>
                  </Flex>
                  {milestone.reports.map((report) => (
                    <ReportView key={report.id} contractId={contract.id} report={report} names={names} />
                  ))}
                </div>
              </List.Item>
            );
          }}
        />
      </Card>
      <Card title={t("contracts.detail.attachments")} style={{ marginBottom: 16 }}>
        {contract.attachments.length === 0 ? (
          <Empty description={isOwnOrg ? t("contracts.detail.noAttachmentsOrg") : t("contracts.detail.noAttachments")} />
        ) : (
          <List
            size="small"
            dataSource={contract.attachments}
            rowKey="id"
            renderItem={(a) => (
              <List.Item>
                <a href={attachmentUrl(contract.id, a.id)}>
                  <PaperClipOutlined /> {a.original_name}
                </a>
                <Typography.Text type="secondary">
                  {Math.ceil(a.size_bytes / 1024)} KB · {formatDateTime(a.created_at)}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
      <EvaluationCard contract={contract} />
      <Flex className="sanshe-no-print" gap={12}>
        <Link to={`/funding-ledger?contract=${contract.id}`}>{t("contracts.detail.ledgerLink")}</Link>
      </Flex>
      <ReportMilestoneDrawer contract={contract} milestone={reporting} onClose={() => setReporting(undefined)} />
      {isPurchaser ? <ClosingModal contract={contract} open={isClosing} onClose={() => setIsClosing(false)} /> : null}
    </>
  );
}
