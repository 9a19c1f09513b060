import { PlusOutlined } from "@ant-design/icons";
import type { Call, CallMode, CallStatus } from "@sanshe/contracts";
import { CALL_SORTS, CallModeSchema, CallStatusSchema } from "@sanshe/contracts";
import { Button, Card, Form, Input, Select } from "antd";
import type { TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { CursorListTable } from "../../../../ui/CursorListTable";
import { ExportButton } from "../../../../ui/ExportButton";
import { FilterBar } from "../../../../ui/FilterBar";
import { PageHeader } from "../../../../ui/PageHeader";
import { formatDateTime } from "../../../../ui/formatDateTime";
import { useUrlParams, useUrlSort } from "../../../../ui/searchParams";
import { FilterChip } from "../../../../ui/FilterChip";
import { useCursorPaging } from "../../../../ui/useCursorPagination";
import { useHasPermission } from "../../../auth";
import { formatFen } from "../../money";
import { useCallList } from "../api";
import { CallStatusTag } from "../components/CallStatusTag";

type FilterValues = { q?: string; status?: CallStatus; mode?: CallMode; awaiting?: "my_review" };

/**
 * 项目征集: calls the user may read, sorted by the server (newest first by default), counted and
 * exported, with title search and status and mode filters kept in the URL.
 */
export function CallListPage() {
  const { t } = useTranslation();
  const canManage = useHasPermission("calls.manage");
  // The home page's to-dos link here with ?awaiting=my_review (calls waiting for the reviewer's scores).
  const [raw, setRaw] = useUrlParams(["q", "status", "mode", "awaiting"] as const);
  const filters: FilterValues = {
    q: raw.q,
    status: CallStatusSchema.options.find((value) => value === raw.status),
    mode: CallModeSchema.options.find((value) => value === raw.mode),
    awaiting: raw.awaiting === "my_review" ? "my_review" : undefined,
  };
  const setFilters = (next: FilterValues) => setRaw(next);
  const [sort, setSort] = useUrlSort(CALL_SORTS);
  const paging = useCursorPaging([filters, sort], 20);
  const { pagination, pageSize } = paging;
  const list = useCallList({ ...filters, sort, cursor: pagination.cursor, limit: pageSize });
  const hasFilters = Object.values(filters).some((value) => value !== undefined);

  const columns: TableColumnsType<Call> = [
    { key: "title", title: t("calls.fields.title"), render: (_v, call) => <Link to={`/calls/${call.id}`}>{call.title}</Link> },
    { key: "purchaser", title: t("calls.fields.purchaser"), dataIndex: "purchaser_name" },
    { key: "mode", title: t("calls.fields.mode"), render: (_v, call) => t(`calls.mode.${call.mode}`) },
    {
      key: "total_budget",
      title: t("calls.fields.totalBudget"),
      align: "right",
      render: (_v, call) => formatFen(call.total_budget_fen),
    },
    {
      key: "published_at",
      title: t("calls.fields.publishedAt"),
      render: (_v, call) => (call.published_at ? formatDateTime(call.published_at) : "—"),
    },
    { key: "submission_deadline", title: t("calls.fields.deadline"), render: (_v, call) => formatDateTime(call.submission_deadline) },
    { key: "status", title: t("calls.fields.status"), render: (_v, call) => <CallStatusTag status={call.status} /> },
  ];

  return (
    <>
      <PageHeader
        title={t("calls.title")}
        subtitle={t("calls.subtitle")}
        extra={
          canManage ? (
            <Link to="/calls/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t("calls.list.new")}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card>
        <FilterBar<FilterValues>
          name="call-filters"
          onSearch={(values) =>
            setFilters({ q: values.q?.trim() || undefined, status: values.status, mode: values.mode, awaiting: filters.awaiting })
          }
          onReset={() => setFilters({ q: undefined, status: undefined, mode: undefined, awaiting: undefined })}
          initialValues={filters}
          searchLabel={t("calls.filters.search")}
          resetLabel={t("calls.filters.reset")}
        >
          <Form.Item name="q">
            <Input allowClear aria-label={t("calls.filters.q")} placeholder={t("calls.filters.q")} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="status">
            <Select
              allowClear
              aria-label={t("calls.filters.status")}
              placeholder={t("calls.filters.status")}
              style={{ width: 150 }}
              options={CallStatusSchema.options.map((value) => ({ value, label: t(`calls.status.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="mode">
            <Select
              allowClear
              aria-label={t("calls.filters.mode")}
              placeholder={t("calls.filters.mode")}
              style={{ width: 150 }}
              options={CallModeSchema.options.map((value) => ({ value, label: t(`calls.mode.${value}`) }))}
            />
          </Form.Item>
        </FilterBar>
        {filters.awaiting ? (
          <FilterChip label={t("calls.list.awaitingMyReview")} onClear={() => setFilters({ ...filters, awaiting: undefined })} />
        ) : null}
        <CursorListTable<Call>
          query={list}
          paging={paging}
          columns={columns}
          scrollX={1100}
          emptyText={hasFilters ? t("calls.list.emptyFiltered") : canManage ? t("calls.list.emptyManager") : t("calls.list.empty")}
          sorting={{ allowed: CALL_SORTS, sort, onChange: setSort }}
          columnsKey="calls"
          toolbar={<ExportButton kind="calls" filters={{ ...filters, sort }} />}
        />
      </Card>
    </>
  );
}
