import type { ActionItem } from "@sanshe/contracts";
import { ACTION_ITEM_SORTS, ActionItemStatusSchema } from "@sanshe/contracts";
import { Card, Select, Tabs, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useHasPermission } from "../../auth";
import { CursorListTable } from "../../../ui/CursorListTable";
import { ExportButton } from "../../../ui/ExportButton";
import { useUrlParams, useUrlSort } from "../../../ui/searchParams";
import { PageHeader } from "../../../ui/PageHeader";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useActionItems } from "../api";
import { ActionItemStatusTag } from "../components/StatusTags";

/**
 * 督办事项: the caller's action items (as owner) and those of meetings they convened, sorted and
 * counted by the server; tab, status and sort in the URL, a column chooser and the export of the view.
 */
export function ActionItemsPage() {
  const { t } = useTranslation();
  const canConvene = useHasPermission("meetings.convene");
  // The home page's to-dos link here with ?role=convener&status=done (or owner/open); the list state lives in the URL.
  const [params, setParams] = useUrlParams(["role", "status"] as const);
  const role = params.role === "convener" && canConvene ? "convener" : "owner";
  const status = ActionItemStatusSchema.options.find((value) => value === params.status);
  const [sort, setSort] = useUrlSort(ACTION_ITEM_SORTS);
  const paging = useCursorPaging([role, status, sort], 50);
  const { pagination, pageSize } = paging;
  const list = useActionItems({ role, status, sort, cursor: pagination.cursor, limit: pageSize });

  const columns: TableColumnsType<ActionItem> = [
    {
      key: "expected",
      title: t("meetings.item.expected"),
      render: (_v, item) => (
        <Link to={`/action-items/${item.id}`}>
          <Typography.Text type={item.overdue ? "danger" : undefined}>{item.expected_result}</Typography.Text>
        </Link>
      ),
    },
    { key: "status", title: t("meetings.fields.status"), render: (_v, item) => <ActionItemStatusTag item={item} /> },
    {
      key: "due_on",
      title: t("meetings.item.dueOn"),
      render: (_v, item) => <Typography.Text type={item.overdue ? "danger" : undefined}>{item.due_on}</Typography.Text>,
    },
    {
      key: "owner",
      title: t("meetings.item.owner"),
      render: (_v, item) => `${item.owner_unit_name ?? "—"} · ${item.owner_user_name ?? "—"}`,
    },
    {
      key: "meeting",
      title: t("meetings.item.meeting"),
      render: (_v, item) => <Link to={`/meetings/${item.meeting_id}`}>{item.meeting_title}</Link>,
    },
  ];

  return (
    <>
      <PageHeader title={t("meetings.items.title")} subtitle={t("meetings.items.subtitle")} />
      <Card>
        <Tabs
          activeKey={role}
          onChange={(key) => setParams({ role: key === "convener" ? key : undefined })}
          items={[
            { key: "owner", label: t("meetings.items.mine") },
            ...(canConvene ? [{ key: "convener", label: t("meetings.items.convened") }] : []),
          ]}
        />
        <Select
          allowClear
          aria-label={t("meetings.filters.status")}
          placeholder={t("meetings.filters.status")}
          style={{ width: 160, marginBottom: 16 }}
          value={status}
          onChange={(value: string | undefined) => setParams({ status: value })}
          options={ActionItemStatusSchema.options.map((value) => ({ value, label: t(`meetings.itemStatus.${value}`) }))}
        />
        <CursorListTable<ActionItem>
          query={list}
          paging={paging}
          columns={columns}
          scrollX={800}
          emptyText={t("meetings.items.empty")}
          sorting={{ allowed: ACTION_ITEM_SORTS, sort, onChange: setSort }}
          columnsKey="action-items"
          toolbar={<ExportButton kind="action-items" filters={{ role, status, sort }} />}
        />
      </Card>
    </>
  );
}
