import { ArrowLeftOutlined, EditOutlined, EnvironmentOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Result, Skeleton, Space, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { useHasPermission } from "../../auth";
import { FundingCreditSection } from "../../projects";
import { isProblem } from "../../../ui/api";
import { formatDateTime } from "../../../ui/formatDateTime";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useSocialOrg } from "../api";
import { SocialOrgFormDrawer } from "../components/SocialOrgFormDrawer";
import { SocialOrgPlacesDrawer } from "../components/SocialOrgPlacesDrawer";

/** One organization's full record; edit opens the form (the server decides whether this user may save). */
export function SocialOrgDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const org = useSocialOrg(id);
  const canWrite = useHasPermission("social_orgs.write");
  const [isEditing, setIsEditing] = useState(false);
  const [isPlacing, setIsPlacing] = useState(false);
  const none = t("socialOrgs.none");

  if (org.isError) {
    return isProblem(org.error, "NOT_FOUND") ? (
      <Result
        status="404"
        title="404"
        subTitle={t("socialOrgs.detail.notFound")}
        extra={<Link to="/social-orgs">{t("socialOrgs.detail.back")}</Link>}
      />
    ) : (
      <ProblemAlert error={org.error} />
    );
  }
  if (!org.data) {
    return <Skeleton active />;
  }
  const data = org.data;
  return (
    <>
      <PageHeader
        title={data.name}
        subtitle={
          <Link to="/social-orgs">
            <ArrowLeftOutlined /> {t("socialOrgs.detail.back")}
          </Link>
        }
        extra={
          canWrite ? (
            <Space>
              <Button icon={<EnvironmentOutlined />} onClick={() => setIsPlacing(true)}>
                {t("socialOrgs.places.edit")}
              </Button>
              <Button icon={<EditOutlined />} onClick={() => setIsEditing(true)}>
                {t("socialOrgs.form.edit")}
              </Button>
            </Space>
          ) : null
        }
      />
      <Card>
        <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t("socialOrgs.fields.uscc")}>{data.uscc ?? none}</Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.registration")}>
            {t(`socialOrgs.registration.${data.registration}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.legalForm")}>
            {data.legal_form ? t(`socialOrgs.legalForm.${data.legal_form}`) : none}
          </Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.category")}>{t(`socialOrgs.category.${data.category}`)}</Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.grade")}>
            {data.grade ? `${data.grade}${data.grade_year ? `（${data.grade_year}）` : ""}` : none}
          </Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.status")}>{t(`socialOrgs.status.${data.status}`)}</Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.area")}>
            {data.area_name}
            <span data-allow-code>（{data.area_code}）</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.isSocialWorkAgency")}>
            {data.is_social_work_agency ? t("socialOrgs.yes") : t("socialOrgs.no")}
          </Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.foundedOn")}>{data.founded_on ?? none}</Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.staffCount")}>
            {data.staff_count ?? none} / {t("socialOrgs.fields.socialWorkerCount")} {data.social_worker_count ?? none}
          </Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.fundingSources")} span={2}>
            <Space wrap>
              {data.funding_sources.length
                ? data.funding_sources.map((source) => <Tag key={source}>{t(`socialOrgs.funding.${source}`)}</Tag>)
                : none}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.serviceAreas")} span={2}>
            {data.service_areas.length ? data.service_areas.map((area) => <Tag key={area.area_code}>{area.area_name}</Tag>) : none}
          </Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.stations")} span={2}>
            {data.stations.length
              ? data.stations.map((station) => (
                  <Tag key={station.area_code}>
                    {station.area_name}
                    {station.since ? ` · ${station.since}` : ""}
                  </Tag>
                ))
              : none}
          </Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.description")} span={2}>
            {data.description ?? none}
          </Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.contactPhone")}>{data.contact_phone ?? none}</Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.contactEmail")}>{data.contact_email ?? none}</Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.contactAddress")} span={2}>
            {data.contact_address ?? none}
          </Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.updatedAt")}>{formatDateTime(data.updated_at)}</Descriptions.Item>
          <Descriptions.Item label={t("socialOrgs.fields.version")}>{data.version}</Descriptions.Item>
        </Descriptions>
      </Card>
      <FundingCreditSection orgId={data.id} />
      <SocialOrgPlacesDrawer org={data} open={isPlacing} onClose={() => setIsPlacing(false)} />
      <SocialOrgFormDrawer open={isEditing} org={data} onClose={() => setIsEditing(false)} onSaved={() => setIsEditing(false)} />
    </>
  );
}
