import { LockOutlined } from "@ant-design/icons";
import { Alert, Card, Descriptions, Skeleton, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { useHasPermission } from "../../auth";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useCase } from "../api";
import { AssessmentTab } from "../components/AssessmentTab";
import { ClosingTab } from "../components/ClosingTab";
import { PlanTab } from "../components/PlanTab";
import { ReviewsTab } from "../components/ReviewsTab";
import { SessionsTab } from "../components/SessionsTab";
import { CaseStatusTag, RiskTag } from "../components/StatusTags";

/** One case file with tabs for assessment, plan, sessions, reviews and closing; the read is audited. */
export function CasePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const file = useCase(id);
  const mayWrite = useHasPermission("cases.write");

  if (file.isError) {
    return (
      <>
        <PageHeader title={t("cases.title")} extra={<Link to="/cases">{t("cases.title")}</Link>} />
        <ProblemAlert error={file.error} />
      </>
    );
  }
  if (!file.data) {
    return <Skeleton active />;
  }
  const data = file.data;
  const canWrite = mayWrite && data.is_owner;
  return (
    <>
      <PageHeader
        title={
          <>
            {data.resident_name ?? t("cases.title")} <CaseStatusTag status={data.status} />
          </>
        }
        extra={<Link to="/cases">{t("cases.title")}</Link>}
      />
      <Alert type="warning" showIcon icon={<LockOutlined />} title={t("cases.confidential")} style={{ marginBottom: 16 }} />
      {!canWrite ? <Alert type="info" showIcon title={t("cases.readOnly")} style={{ marginBottom: 16 }} /> : null}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t("cases.fields.worker")}>{data.worker_name ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("cases.fields.risk")}>
            <RiskTag level={data.risk_level} />
          </Descriptions.Item>
          <Descriptions.Item label={t("cases.fields.openedOn")}>{data.opened_on}</Descriptions.Item>
          <Descriptions.Item label={t("cases.fields.closedOn")}>{data.closed_on ?? "—"}</Descriptions.Item>
          {data.need_id ? (
            <Descriptions.Item label={t("cases.fields.need")}>
              <Link to={`/needs/${encodeURIComponent(data.need_id)}`}>{t("cases.fields.needLink")}</Link>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            { key: "assessment", label: t("cases.tabs.assessment"), children: <AssessmentTab file={data} canWrite={canWrite} /> },
            { key: "plan", label: t("cases.tabs.plan"), children: <PlanTab file={data} canWrite={canWrite} /> },
            { key: "sessions", label: t("cases.tabs.sessions"), children: <SessionsTab file={data} canWrite={canWrite} /> },
            { key: "reviews", label: t("cases.tabs.reviews"), children: <ReviewsTab file={data} canWrite={canWrite} /> },
            { key: "closing", label: t("cases.tabs.closing"), children: <ClosingTab file={data} canWrite={canWrite} /> },
          ]}
        />
      </Card>
    </>
  );
}
