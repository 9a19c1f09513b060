import { serviceCategories, type PublicService, type ServiceCategory } from "@sanshe/contracts";
import { Button, Card, Empty, Flex, Input, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PublicPage } from "../../../ui/PublicPage";
import { useLoadMore } from "../../../ui/useLoadMore";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { usePublicServices } from "../api";
import { PriceTag } from "../components/labels";

const CATEGORIES = Object.keys(serviceCategories) as ServiceCategory[];

function ServiceCard({ service }: { service: PublicService }) {
  const { t } = useTranslation();
  const ages =
    service.min_age !== null && service.max_age !== null
      ? t("services.public.ageRange", { min: service.min_age, max: service.max_age })
      : service.min_age !== null
        ? t("services.public.ageFrom", { min: service.min_age })
        : null;
  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: "normal" }}>{service.name}</span>}
      extra={<PriceTag service={service} />}
      style={{ width: "100%" }}
    >
      <Space wrap size={[4, 4]} style={{ marginBottom: 8 }}>
        <Tag>{t(`services.category.${service.category}`)}</Tag>
        <Tag>{t(`services.tier.${service.tier}`)}</Tag>
        {ages ? <Tag>{ages}</Tag> : null}
      </Space>
      <Typography.Paragraph style={{ marginBottom: 8 }}>{service.description}</Typography.Paragraph>
      {service.eligibility_groups.length ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {t("services.public.forGroups", { groups: service.eligibility_groups.map((group) => t(`services.group.${group}`)).join("、") })}
        </Typography.Paragraph>
      ) : null}
      <div>
        {t("services.fields.provider")}：{service.provider_name}
      </div>
      {service.schedule ? (
        <div>
          {t("services.fields.schedule")}：{service.schedule}
        </div>
      ) : null}
      {service.location_address ? (
        <div>
          {t("services.fields.address")}：{service.location_address}
        </div>
      ) : null}
      {service.contact_phone ? (
        <div>
          {t("services.fields.phone")}：<a href={`tel:${service.contact_phone}`}>{service.contact_phone}</a>
        </div>
      ) : null}
    </Card>
  );
}

/** 社区服务目录: public, no sign-in, mobile-first; search, category chips, "load more" follows the cursor. */
export function PublicDirectoryPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState<string | undefined>();
  const [category, setCategory] = useState<ServiceCategory | undefined>();
  const more = useLoadMore<PublicService>();
  const page = usePublicServices({ q, category, cursor: more.cursor, limit: 20 });
  const items = more.items(page.data, page.isPlaceholderData);

  const reset = (next: { q?: string | undefined; category?: ServiceCategory | undefined }) => {
    more.reset();
    setQ(next.q?.trim() || undefined);
    setCategory(next.category);
  };

  return (
    <PublicPage title={t("services.public.title")} subtitle={t("services.public.subtitle")}>
      <div role="search" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          enterButton
          placeholder={t("services.public.search")}
          onSearch={(value) => reset({ q: value, category })}
        />
      </div>
      <Flex gap={6} wrap style={{ marginBottom: 16 }}>
        <Tag.CheckableTag checked={category === undefined} onChange={() => reset({ q, category: undefined })}>
          {t("services.public.all")}
        </Tag.CheckableTag>
        {CATEGORIES.map((value) => (
          <Tag.CheckableTag
            key={value}
            checked={category === value}
            onChange={(checked) => reset({ q, category: checked ? value : undefined })}
          >
            {t(`services.category.${value}`)}
          </Tag.CheckableTag>
        ))}
      </Flex>
      {page.isError ? <ProblemAlert error={page.error} style={{ marginBottom: 16 }} /> : null}
      <List
        dataSource={items}
        loading={page.isFetching}
        locale={{ emptyText: <Empty description={t("services.public.empty")} /> }}
        renderItem={(service) => (
          <List.Item key={service.id}>
            <ServiceCard service={service} />
          </List.Item>
        )}
      />
      {page.data?.next_cursor ? (
        <Flex justify="center">
          <Button loading={page.isFetching} onClick={() => more.loadMore(items, page.data?.next_cursor)}>
            {t("services.public.loadMore")}
          </Button>
        </Flex>
      ) : null}
    </PublicPage>
  );
}
