import { PlusOutlined } from "@ant-design/icons";
import type { ResidentGroup, ResidentListItem } from "@sanshe/contracts";
import { ResidentGroupSchema } from "@sanshe/contracts";
import { Button, Card, Flex, Form, Input, Select, Tabs, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useHasPermission, useMe } from "../../auth";
import { CursorListTable } from "../../../ui/CursorListTable";
import { ExportButton } from "../../../ui/ExportButton";
import { FilterBar } from "../../../ui/FilterBar";
import { PageHeader } from "../../../ui/PageHeader";
import { useUrlParams } from "../../../ui/searchParams";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useResidentCount, useResidentList, type ResidentListFilters } from "../api";
import { AreaTreeSelect } from "../../jurisdictions";
import { GroupTags } from "../components/GroupTags";
import { HouseholdsTab } from "../components/HouseholdsTab";
import { ResidentDetailDrawer } from "../components/ResidentDetailDrawer";
import { ResidentFormDrawer } from "../components/ResidentFormDrawer";

type FilterValues = { q?: string; area_code?: string; group?: ResidentGroup };

/**
 * 居民: server-paginated residents (masked) with jurisdiction (picked from the area tree), group and
 * name/ID search kept in the URL (?q=&area=&group=); households in a tab.
 */
export function ResidentListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canWrite = useHasPermission("residents.write");
  const [raw, setRaw] = useUrlParams(["q", "area", "group"] as const);
  const filters: ResidentListFilters = useMemo(
    () => ({
      q: raw.q,
      area_code: /^\d+$/.test(raw.area ?? "") ? raw.area : undefined,
      group: ResidentGroupSchema.options.find((group) => group === raw.group),
    }),
    [raw],
  );
  const setFilters = (next: FilterValues) =>
    setRaw({ q: next.q?.trim() || undefined, area: next.area_code || undefined, group: next.group || undefined });
  const [openId, setOpenId] = useState<string | undefined>();
  const [isCreating, setIsCreating] = useState(false);
  const paging = useCursorPaging(filters, 50);
  const { pagination, pageSize } = paging;
  const list = useResidentList({ ...filters, cursor: pagination.cursor, limit: pageSize });
  const count = useResidentCount(filters);
  const hasFilters = Object.values(filters).some((value) => value !== undefined);
  const communityCode = me.data?.memberships.find((membership) => membership.area_code.length === 12)?.area_code;

  const columns: TableColumnsType<ResidentListItem> = [
    {
      key: "name",
      title: t("residents.fields.name"),
      render: (_value, resident) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenId(resident.id)}>
          {resident.name}
        </Button>
      ),
    },
    {
      key: "gender",
      title: t("residents.fields.gender"),
      width: 70,
      render: (_value, r) => (r.gender ? t(`residents.gender.${r.gender}`) : "—"),
    },
    { key: "age", title: t("residents.fields.age"), dataIndex: "age", width: 70 },
    {
      key: "id",
      title: t("residents.fields.idNumber"),
      onCell: () => ({ style: { whiteSpace: "nowrap" } }),
      render: (_value, r) => <Typography.Text code>{r.id_number_masked ?? "—"}</Typography.Text>,
    },
    {
      key: "phone",
      title: t("residents.fields.phone"),
      onCell: () => ({ style: { whiteSpace: "nowrap" } }),
      render: (_value, r) => <Typography.Text code>{r.phone_masked ?? "—"}</Typography.Text>,
    },
    { key: "community", title: t("residents.fields.community"), dataIndex: "area_name" },
    { key: "address", title: t("residents.fields.address"), dataIndex: "address", ellipsis: true },
    { key: "groups", title: t("residents.fields.groups"), render: (_value, r) => <GroupTags groups={r.groups} /> },
  ];

  const residentsTab = (
    <>
      <FilterBar<FilterValues>
        name="resident-filters"
        initialValues={filters}
        onSearch={setFilters}
        onReset={() => setFilters({})}
        searchLabel={t("residents.filters.search")}
        resetLabel={t("residents.filters.reset")}
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t("residents.filters.q")} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="area_code">
          <AreaTreeSelect
            allowClear
            placeholder={t("residents.filters.area")}
            aria-label={t("residents.filters.area")}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item name="group">
          <Select
            allowClear
            placeholder={t("residents.filters.group")}
            aria-label={t("residents.filters.group")}
            style={{ width: 160 }}
            options={ResidentGroupSchema.options.map((value) => ({ value, label: t(`residents.groups.${value}`) }))}
          />
        </Form.Item>
      </FilterBar>
      <CursorListTable<ResidentListItem>
        query={list}
        paging={paging}
        columns={columns}
        scrollX={1000}
        emptyText={hasFilters ? t("residents.list.emptyFiltered") : t("residents.list.empty")}
        pagerStart={
          <Typography.Text type="secondary">{count.data ? t("residents.count", { count: count.data.count }) : null}</Typography.Text>
        }
      />
    </>
  );

  return (
    <>
      <PageHeader
        title={t("residents.title")}
        subtitle={t("residents.subtitle")}
        extra={
          <Flex gap={8}>
            <ExportButton kind="residents" filters={filters} />
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
                {t("residents.list.create")}
              </Button>
            ) : null}
          </Flex>
        }
      />
      <Card>
        <Tabs
          items={[
            { key: "residents", label: t("residents.tabs.residents"), children: residentsTab },
            {
              key: "households",
              label: t("residents.tabs.households"),
              children: <HouseholdsTab areaCode={filters.area_code} defaultAreaCode={communityCode} onOpenResident={setOpenId} />,
            },
          ]}
        />
      </Card>
      <ResidentDetailDrawer residentId={openId} onClose={() => setOpenId(undefined)} />
      <ResidentFormDrawer
        open={isCreating}
        defaultAreaCode={communityCode}
        onClose={() => setIsCreating(false)}
        onSaved={(resident) => {
          setIsCreating(false);
          setOpenId(resident.id);
        }}
        onOpenExisting={(id) => {
          setIsCreating(false);
          setOpenId(id);
        }}
      />
    </>
  );
}
