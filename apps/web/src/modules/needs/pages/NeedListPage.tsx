import { NEED_SORTS, type Need, type NeedCreate, type NeedStatus } from "@sanshe/contracts";
import { Button, Drawer, Flex, Form, Input, Radio, Select, Space, Spin, Switch, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { CursorListTable } from "../../../ui/CursorListTable";
import { ExportButton } from "../../../ui/ExportButton";
import { useUrlParams, useUrlSort } from "../../../ui/searchParams";
import { formatDateTime } from "../../../ui/formatDateTime";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useHasPermission, useMe } from "../../auth";
import { useCreateNeed, useGridOptions, useNeed, useNeedCategories, useNeedList, useResidentSearch } from "../api";
import { ConfirmForm } from "../components/ConfirmForm";
import { CreateFormDrawer } from "../components/CreateFormDrawer";
import { NeedDetailView } from "../components/NeedDetailView";
import { NeedStatusTag } from "../components/NeedStatusTag";
import { AreaName } from "../../jurisdictions";

const statuses: NeedStatus[] = ["new", "routed", "accepted", "in_service", "done", "closed", "reopened"];

function NeedDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { data, error } = useNeed(id);
  const canWrite = useHasPermission("needs.write");
  return (
    <Drawer open={id !== null} onClose={onClose} width={640} title={data?.category_name}>
      <ProblemAlert error={error} />
      {!data && !error && <Spin />}
      {data && (
        <Space direction="vertical" style={{ width: "100%" }}>
          {data.status === "done" && canWrite && <ConfirmForm need={data} mode="callback" />}
          <NeedDetailView need={data} />
        </Space>
      )}
    </Drawer>
  );
}

type IntakeValues = NeedCreate & { who: "resident" | "contact" };

/**
 * Assisted intake: community staff record a need for a resident found by name, or for someone who is
 * not registered (anonymous contact in one of their communities, stored encrypted).
 */
function IntakeDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<IntakeValues>();
  const [q, setQ] = useState("");
  const residents = useResidentSearch(q);
  const categories = useNeedCategories();
  const create = useCreateNeed();
  const idempotency = useIdempotencyKey();
  const me = useMe();
  const who = Form.useWatch("who", form) ?? "resident";
  const contactCommunity = Form.useWatch("area_code", form);
  const grids = useGridOptions(who === "contact" ? contactCommunity : undefined);
  const communities = [
    ...new Set(
      (me.data?.memberships ?? []).filter((m) => m.role === "community_staff" && m.area_code.length === 12).map((m) => m.area_code),
    ),
  ];
  const communityNames = new Map((me.data?.memberships ?? []).map((m) => [m.area_code, m.area_name]));
  return (
    <CreateFormDrawer<IntakeValues>
      open={open}
      onClose={onClose}
      width={520}
      title={t("needs.list.intake")}
      form={form}
      error={create.error}
      isSubmitting={create.isPending}
      initialValues={{ urgency: "normal", who: "resident", area_code: communities[0] }}
      onFinish={({ who: kind, resident_id: residentId, area_code: areaCode, contact, ...values }) => {
        const body: NeedCreate =
          kind === "resident"
            ? { ...values, resident_id: residentId, channel: "staff" }
            : {
                ...values,
                area_code: areaCode,
                channel: "staff",
                contact: { name: contact?.name ?? "", ...(contact?.phone ? { phone: contact.phone } : {}) },
              };
        create.mutate(
          { body, key: idempotency.keyFor(body) },
          {
            onSuccess: () => {
              idempotency.reset();
              form.resetFields();
              onClose();
            },
          },
        );
      }}
    >
      <Form.Item name="who">
        <Radio.Group
          optionType="button"
          options={[
            { value: "resident", label: t("needs.intake.resident") },
            { value: "contact", label: t("needs.intake.contact") },
          ]}
        />
      </Form.Item>
      {who === "resident" ? (
        <Form.Item name="resident_id" label={t("needs.field.resident")} rules={[{ required: true }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            placeholder={t("needs.list.residentSearch")}
            loading={residents.isFetching}
            options={residents.data?.items.map((r) => ({
              value: r.id,
              label: `${r.name} · ${r.area_name}${r.address ? ` · ${r.address}` : ""}`,
            }))}
          />
        </Form.Item>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t("needs.intake.contactHint")}</Typography.Paragraph>
          <Form.Item name="area_code" label={t("needs.intake.community")} rules={[{ required: true }]}>
            <Select
              options={communities.map((code) => ({ value: code, label: communityNames.get(code) ?? code }))}
              onChange={() => form.setFieldValue("grid_id", undefined)}
            />
          </Form.Item>
          <Form.Item name="grid_id" label={t("needs.field.grid")}>
            <Select
              allowClear
              loading={grids.isFetching}
              placeholder={t("needs.intake.gridHint")}
              options={grids.data?.items.map((grid) => ({ value: grid.id, label: grid.name }))}
            />
          </Form.Item>
          <Form.Item name={["contact", "name"]} label={t("needs.intake.contactName")} rules={[{ required: true, max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name={["contact", "phone"]} label={t("needs.intake.contactPhone")}>
            <Input maxLength={32} inputMode="tel" />
          </Form.Item>
        </>
      )}
      <Form.Item name="category" label={t("needs.field.category")} rules={[{ required: true }]}>
        <Select options={categories.data?.items.map((c) => ({ value: c.code, label: c.name }))} />
      </Form.Item>
      <Form.Item name="description" label={t("needs.field.description")} rules={[{ required: true, max: 2000 }]}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
      <Form.Item name="urgency" label={t("needs.field.urgency")}>
        <Select options={(["low", "normal", "high"] as const).map((u) => ({ value: u, label: t(`needs.urgency.${u}`) }))} />
      </Form.Item>
    </CreateFormDrawer>
  );
}

/**
 * Staff list of needs in scope: filters and sort kept in the URL (the needs dashboard links here with
 * ?area=&status=&category=&overdue=1&id=), sortable columns, the total, a column chooser, export of
 * the current filters, overdue in red, detail drawer, assisted intake.
 */
export function NeedListPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [raw, setRaw] = useUrlParams(["status", "category", "overdue", "area"] as const);
  const [sort, setSort] = useUrlSort(NEED_SORTS);
  const filters = {
    status: statuses.find((status) => status === raw.status),
    category: raw.category,
    overdue: raw.overdue === "1" ? ("1" as const) : undefined,
    area: /^\d+$/.test(raw.area ?? "") ? raw.area : undefined,
  };
  const setFilters = (next: typeof filters) => setRaw(next);
  const paging = useCursorPaging([filters, sort], 50);
  const { pagination, pageSize } = paging;
  const list = useNeedList({ ...filters, sort, cursor: pagination.cursor, limit: pageSize });
  const categories = useNeedCategories();
  // ?id=<id> (dashboard) or ?need=<id> (a case's link back to its need) opens that need's detail.
  const [selected, setSelected] = useState<string | null>(() => params.get("id") ?? params.get("need"));
  const [intake, setIntake] = useState(false);
  const canWrite = useHasPermission("needs.write");
  const canExport = useHasPermission("needs.read");
  return (
    <>
      <PageHeader
        title={t("needs.list.title")}
        subtitle={t("needs.list.subtitle")}
        extra={
          canWrite && (
            <Button type="primary" onClick={() => setIntake(true)}>
              {t("needs.list.intake")}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 12 }} align="center">
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t("needs.field.status")}
          aria-label={t("needs.field.status")}
          value={filters.status}
          onChange={(status?: NeedStatus) => setFilters({ ...filters, status })}
          options={statuses.map((s) => ({ value: s, label: t(`needs.status.${s}`) }))}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t("needs.field.category")}
          aria-label={t("needs.field.category")}
          value={filters.category}
          onChange={(category?: string) => setFilters({ ...filters, category })}
          options={categories.data?.items.map((c) => ({ value: c.code, label: c.name }))}
        />
        {filters.area && (
          <Tag closable onClose={() => setFilters({ ...filters, area: undefined })}>
            {t("needs.dashboard.area")}: <AreaName code={filters.area} />
          </Tag>
        )}
        <Space>
          <Switch
            id="needs-overdue-only"
            checked={filters.overdue === "1"}
            onChange={(on) => setFilters({ ...filters, overdue: on ? "1" : undefined })}
          />
          <label htmlFor="needs-overdue-only">{t("needs.field.overdueOnly")}</label>
        </Space>
      </Flex>
      <CursorListTable<Need>
        query={list}
        paging={paging}
        emptyText={t("needs.list.empty")}
        sorting={{ allowed: NEED_SORTS, sort, onChange: setSort }}
        columnsKey="needs"
        toolbar={canExport ? <ExportButton kind="needs" filters={{ ...filters, sort }} /> : undefined}
        onRow={(need) => ({ onClick: () => setSelected(need.id), style: { cursor: "pointer" } })}
        columns={[
          { key: "category", title: t("needs.field.category"), dataIndex: "category_name" },
          {
            key: "description",
            title: t("needs.field.description"),
            dataIndex: "description",
            ellipsis: true,
            render: (value: string, need) => <Typography.Text type={need.overdue ? "danger" : undefined}>{value}</Typography.Text>,
          },
          { key: "urgency", title: t("needs.field.urgency"), render: (_, need) => t(`needs.urgency.${need.urgency}`) },
          { key: "status", title: t("needs.field.status"), render: (_, need) => <NeedStatusTag need={need} /> },
          { key: "tier", title: t("needs.field.tier"), render: (_, need) => t(`needs.tier.${need.tier}`) },
          { key: "channel", title: t("needs.field.channel"), render: (_, need) => t(`needs.channel.${need.channel}`) },
          { key: "created_at", title: t("needs.field.createdAt"), render: (_, need) => formatDateTime(need.created_at) },
          { key: "updated_at", title: t("needs.field.updatedAt"), render: (_, need) => formatDateTime(need.updated_at) },
          {
            key: "closed_at",
            title: t("needs.field.closedAt"),
            render: (_, need) => (need.closed_at ? formatDateTime(need.closed_at) : t("ui.common.none")),
          },
        ]}
      />
      <NeedDrawer id={selected} onClose={() => setSelected(null)} />
      {canWrite && <IntakeDrawer open={intake} onClose={() => setIntake(false)} />}
    </>
  );
}
