import { CloudUploadOutlined, PlusOutlined, PrinterOutlined } from "@ant-design/icons";
import { CatalogListSchema, type CatalogItem, type CatalogList } from "@sanshe/contracts/admin-tasks";
import { App, Button, Card, Form, Input, Popconfirm, Space, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { isProblem } from "../../../ui/api";
import { CursorListTable } from "../../../ui/CursorListTable";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { FilterBar } from "../../../ui/FilterBar";
import { PageHeader } from "../../../ui/PageHeader";
import { withSearchParams } from "../../../ui/searchParams";
import { ViewSwitch } from "../../../ui/ViewSwitch";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useHasPermission, useMe } from "../../auth";
import { useCatalog, useRemoveCatalogItem } from "../api";
import { CatalogItemDrawer } from "../components/CatalogItemDrawer";
import { CatalogListTag } from "../components/StatusTags";
import { useConflictNotice } from "../components/useConflictNotice";

const isList = (value: string | null): value is CatalogList => CatalogListSchema.safeParse(value).success;

/** 社区工作事项清单: the catalogue by list, searchable and printable; district and city officials maintain it. */
export function CatalogPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const listParam = params.get("list");
  const list = isList(listParam) ? listParam : undefined;
  const [q, setQ] = useState<string | undefined>(undefined);
  const canManage = useHasPermission("admin_tasks.catalog");
  const canImport = useHasPermission("imports.run");
  const paging = useCursorPaging([list, q], 50);
  const { pagination, pageSize } = paging;
  const items = useCatalog({ list, q, cursor: pagination.cursor, limit: pageSize });
  const remove = useRemoveCatalogItem();
  const onConflict = useConflictNotice();
  const [editing, setEditing] = useState<CatalogItem | "new" | null>(null);
  const managerArea = (me.data?.memberships ?? []).find(
    (m) => m.role === "official" && (m.area_code.length === 6 || m.area_code.length === 4),
  )?.area_code;

  const columns: TableColumnsType<CatalogItem> = [
    { key: "list", title: t("adminTasks.field.catalogItem"), width: 110, render: (_v, item) => <CatalogListTag list={item.list} /> },
    { key: "title", title: t("adminTasks.field.title"), dataIndex: "title" },
    { key: "legal", title: t("adminTasks.field.legalBasis"), dataIndex: "legal_basis" },
    { key: "department", title: t("adminTasks.catalog.departmentName"), render: (_v, item) => item.department_name ?? "—" },
    { key: "area", title: t("adminTasks.catalog.area"), dataIndex: "area_name" },
    ...(canManage
      ? [
          {
            key: "actions",
            title: "",
            className: "sanshe-no-print",
            render: (_v: unknown, item: CatalogItem) => (
              <Space>
                <Button size="small" onClick={() => setEditing(item)}>
                  {t("adminTasks.catalog.edit")}
                </Button>
                <Popconfirm
                  title={t("adminTasks.catalog.removeConfirm", { title: item.title })}
                  okText={t("adminTasks.catalog.remove")}
                  cancelText={t("adminTasks.common.cancel")}
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    remove.mutate(item.id, {
                      onSuccess: () => void message.success(t("adminTasks.catalog.removed")),
                      onError: onConflict,
                    })
                  }
                >
                  <Button size="small" danger>
                    {t("adminTasks.catalog.remove")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t("adminTasks.catalog.title")}
        subtitle={t("adminTasks.catalog.subtitle")}
        extra={
          <Space wrap className="sanshe-no-print">
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
                {t("adminTasks.catalog.add")}
              </Button>
            ) : null}
            {canManage && canImport ? (
              <Link to="/imports" state={{ kind: "admin-task-catalog" }}>
                <Button icon={<CloudUploadOutlined />}>{t("adminTasks.catalog.import")}</Button>
              </Link>
            ) : null}
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t("adminTasks.catalog.print")}
            </Button>
          </Space>
        }
      />
      <Card>
        <ViewSwitch
          label={t("adminTasks.catalog.title")}
          className="sanshe-no-print"
          activeKey={list ?? "all"}
          onChange={(key) => setParams(withSearchParams(params, { list: key === "all" ? undefined : key }))}
          items={[
            { key: "all", label: t("adminTasks.status.all") },
            ...CatalogListSchema.options.map((value) => ({ key: value, label: t(`adminTasks.listShort.${value}`) })),
          ]}
        />
        <div className="sanshe-no-print">
          <FilterBar<{ q?: string }>
            name="catalog-filters"
            onSearch={(values) => setQ(values.q?.trim() || undefined)}
            onReset={() => setQ(undefined)}
            searchLabel={t("adminTasks.common.search")}
            resetLabel={t("adminTasks.common.reset")}
          >
            <Form.Item name="q">
              <Input
                allowClear
                aria-label={t("adminTasks.catalog.search")}
                placeholder={t("adminTasks.catalog.search")}
                style={{ width: 240 }}
              />
            </Form.Item>
          </FilterBar>
        </div>
        {remove.isError && !(isProblem(remove.error) && remove.error.status === 409) ? (
          <ProblemAlert error={remove.error} style={{ marginBottom: 12 }} />
        ) : null}
        <CursorListTable<CatalogItem>
          query={items}
          paging={paging}
          columns={columns}
          scrollX={900}
          pagerStart={
            items.data ? (
              <Typography.Text type="secondary">{t("adminTasks.catalog.total", { count: items.data.total })}</Typography.Text>
            ) : null
          }
          emptyText={
            list !== undefined || q !== undefined
              ? t("adminTasks.catalog.emptyFiltered")
              : canManage
                ? t("adminTasks.catalog.emptyManager")
                : t("adminTasks.catalog.empty")
          }
        />
      </Card>
      <CatalogItemDrawer
        key={editing === null ? "closed" : editing === "new" ? "new" : editing.id}
        item={editing}
        defaultArea={managerArea}
        defaultList={list}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
