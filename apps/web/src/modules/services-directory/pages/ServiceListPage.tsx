import { PlusOutlined } from "@ant-design/icons";
import { serviceCategories, type Service, type ServiceCategory, type ServiceStatus } from "@sanshe/contracts";
import { App, Button, Card, Flex, Input, Select, Space, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { isProblem } from "../../../ui/api";
import { CursorListTable } from "../../../ui/CursorListTable";
import { formatDateTime } from "../../../ui/formatDateTime";
import { PageHeader } from "../../../ui/PageHeader";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useServiceList, useUpdateService, type ServiceListParams } from "../api";
import { PriceTag } from "../components/labels";
import { ServiceFormDrawer } from "../components/ServiceFormDrawer";

type Filters = Omit<ServiceListParams, "cursor" | "limit">;
const CATEGORIES = Object.keys(serviceCategories) as ServiceCategory[];
const STATUSES: ServiceStatus[] = ["draft", "published", "retired"];
const statusColor: Record<ServiceStatus, string> = { draft: "default", published: "green", retired: "red" };

/** 服务目录 (console): the services the user publishes, with search, filters, create/edit, publish and retire. */
export function ServiceListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [editing, setEditing] = useState<Service | "new" | undefined>();
  const paging = useCursorPaging(filters, 50);
  const { pagination, pageSize } = paging;
  const list = useServiceList({ ...filters, cursor: pagination.cursor, limit: pageSize });
  const update = useUpdateService();
  const patch = (next: Filters) => setFilters((current) => ({ ...current, ...next }));

  const setStatus = (service: Service, status: ServiceStatus) =>
    update.mutate(
      { id: service.id, version: service.version, data: { status } },
      {
        onSuccess: () => void message.success(t(status === "published" ? "services.list.published" : "services.list.retired")),
        onError: (error) => {
          if (isProblem(error, "VERSION_CONFLICT")) {
            void message.warning(t("services.list.conflict"));
          } else {
            void message.error(error.message);
          }
        },
      },
    );

  const columns: TableColumnsType<Service> = [
    { key: "name", title: t("services.fields.name"), render: (_v, service) => <a onClick={() => setEditing(service)}>{service.name}</a> },
    { key: "category", title: t("services.fields.category"), render: (_v, service) => t(`services.category.${service.category}`) },
    { key: "tier", title: t("services.fields.tier"), render: (_v, service) => t(`services.tier.${service.tier}`) },
    { key: "price", title: t("services.fields.priceKind"), render: (_v, service) => <PriceTag service={service} /> },
    { key: "provider", title: t("services.fields.provider"), dataIndex: "provider_name" },
    {
      key: "status",
      title: t("services.fields.status"),
      render: (_v, service) => <Tag color={statusColor[service.status]}>{t(`services.status.${service.status}`)}</Tag>,
    },
    { key: "updated", title: t("services.fields.updatedAt"), render: (_v, service) => formatDateTime(service.updated_at) },
    {
      key: "actions",
      title: "",
      render: (_v, service) => (
        <Space>
          <Button size="small" onClick={() => setEditing(service)}>
            {t("services.list.edit")}
          </Button>
          {service.status !== "published" ? (
            <Button size="small" type="primary" onClick={() => setStatus(service, "published")}>
              {t("services.list.publish")}
            </Button>
          ) : (
            <Button size="small" danger onClick={() => setStatus(service, "retired")}>
              {t("services.list.retire")}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("services.list.title")}
        subtitle={t("services.list.subtitle")}
        extra={
          <Space>
            <Link to="/directory">{t("services.list.publicLink")}</Link>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
              {t("services.list.create")}
            </Button>
          </Space>
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t("services.list.search")}
            onSearch={(value) => patch({ q: value.trim() || undefined })}
            style={{ width: 260 }}
          />
          <Select
            allowClear
            placeholder={t("services.fields.category")}
            aria-label={t("services.fields.category")}
            onChange={(value: ServiceCategory | undefined) => patch({ category: value })}
            options={CATEGORIES.map((value) => ({ value, label: t(`services.category.${value}`) }))}
            style={{ width: 160 }}
          />
          <Select
            allowClear
            placeholder={t("services.fields.status")}
            aria-label={t("services.fields.status")}
            onChange={(value: ServiceStatus | undefined) => patch({ status: value })}
            options={STATUSES.map((value) => ({ value, label: t(`services.status.${value}`) }))}
            style={{ width: 140 }}
          />
        </Flex>
        <CursorListTable<Service> query={list} paging={paging} columns={columns} scrollX={900} emptyText={t("services.list.empty")} />
      </Card>
      <ServiceFormDrawer
        open={editing !== undefined}
        service={editing === "new" ? undefined : editing}
        onClose={() => setEditing(undefined)}
      />
    </>
  );
}
