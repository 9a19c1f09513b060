import type { PublicSocialOrg, SocialOrgCategory } from "@sanshe/contracts";
import { Button, Card, Empty, Flex, Input, List, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PublicPage } from "../../../ui/PublicPage";
import { useLoadMore } from "../../../ui/useLoadMore";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { PublicCreditSummary } from "../../projects";
import { usePublicSocialOrgs } from "../api";
import { CATEGORIES } from "../components/options";

function OrgCard({ org }: { org: PublicSocialOrg }) {
  const { t } = useTranslation();
  const [isShowingCredit, setIsShowingCredit] = useState(false);
  return (
    <Card size="small" title={<span style={{ whiteSpace: "normal" }}>{org.name}</span>} style={{ width: "100%" }}>
      <Space wrap size={[4, 4]} style={{ marginBottom: 8 }}>
        <Tag>{t(`socialOrgs.category.${org.category}`)}</Tag>
        {org.grade ? <Tag color="gold">{org.grade}</Tag> : null}
        {org.legal_form ? <Tag>{t(`socialOrgs.legalForm.${org.legal_form}`)}</Tag> : null}
        {org.is_social_work_agency ? <Tag color="blue">{t("socialOrgs.public.agency")}</Tag> : null}
      </Space>
      {org.description ? <Typography.Paragraph style={{ marginBottom: 8 }}>{org.description}</Typography.Paragraph> : null}
      {org.service_areas.length ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {t("socialOrgs.fields.serviceAreas")}：{org.service_areas.join("、")}
        </Typography.Paragraph>
      ) : null}
      {org.stations.length ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {t("socialOrgs.fields.stations")}：{org.stations.join("、")}
        </Typography.Paragraph>
      ) : null}
      {org.contact_phone ? (
        <div>
          {t("socialOrgs.fields.contactPhone")}：<a href={`tel:${org.contact_phone}`}>{org.contact_phone}</a>
        </div>
      ) : null}
      {org.contact_address ? (
        <div>
          {t("socialOrgs.fields.contactAddress")}：{org.contact_address}
        </div>
      ) : null}
      {org.contact_email ? (
        <div>
          {t("socialOrgs.fields.contactEmail")}：<a href={`mailto:${org.contact_email}`}>{org.contact_email}</a>
        </div>
      ) : null}
      <div style={{ marginTop: 8 }}>
        {isShowingCredit ? (
          <PublicCreditSummary orgId={org.id} />
        ) : (
          <Button type="link" style={{ padding: 0 }} onClick={() => setIsShowingCredit(true)}>
            {t("contracts.credit.show")}
          </Button>
        )}
      </div>
    </Card>
  );
}

/** 社会组织名录: public, no sign-in, one column on phones; "load more" follows the cursor. */
export function PublicSocialOrgsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState<string | undefined>();
  const [category, setCategory] = useState<SocialOrgCategory | undefined>();
  const more = useLoadMore<PublicSocialOrg>();
  const page = usePublicSocialOrgs({ q, category, cursor: more.cursor, limit: 20 });
  const items = more.items(page.data, page.isPlaceholderData);

  const reset = (next: { q?: string | undefined; category?: SocialOrgCategory | undefined }) => {
    more.reset();
    setQ(next.q?.trim() || undefined);
    setCategory(next.category);
  };

  return (
    <PublicPage title={t("socialOrgs.public.title")} subtitle={t("socialOrgs.public.subtitle")}>
      <Flex gap={8} wrap style={{ marginBottom: 16 }} role="search">
        <Input.Search
          allowClear
          aria-label={t("socialOrgs.public.searchPlaceholder")}
          placeholder={t("socialOrgs.public.searchPlaceholder")}
          onSearch={(value) => reset({ q: value, category })}
          style={{ flex: "1 1 220px" }}
        />
        <Select
          allowClear
          aria-label={t("socialOrgs.fields.category")}
          placeholder={t("socialOrgs.fields.category")}
          value={category}
          onChange={(value: SocialOrgCategory | undefined) => reset({ q, category: value })}
          options={CATEGORIES.map((value) => ({ value, label: t(`socialOrgs.category.${value}`) }))}
          style={{ flex: "0 1 160px" }}
        />
      </Flex>
      {page.isError ? <ProblemAlert error={page.error} style={{ marginBottom: 16 }} /> : null}
      <List
        dataSource={items}
        loading={page.isFetching}
        locale={{ emptyText: <Empty description={t("socialOrgs.public.empty")} /> }}
        renderItem={(org) => (
          <List.Item key={org.id}>
            <OrgCard org={org} />
          </List.Item>
        )}
      />
      {page.data?.next_cursor ? (
        <Flex justify="center">
          <Button loading={page.isFetching} onClick={() => more.loadMore(items, page.data?.next_cursor)}>
            {t("socialOrgs.public.loadMore")}
          </Button>
        </Flex>
      ) : null}
    </PublicPage>
  );
}
