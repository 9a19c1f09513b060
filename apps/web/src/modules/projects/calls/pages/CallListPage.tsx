import { PlusOutlined } from "@ant-design/icons";
import type { Call, CallMode, CallStatus } from "@sanshe/contracts";
import { CallModeSchema, CallStatusSchema } from "@sanshe/contracts";
import { Button, Card, Form, Input, Select } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { CursorListTable } from "../../../../ui/CursorListTable";
import { FilterBar } from "../../../../ui/FilterBar";
import { PageHeader } from "../../../../ui/PageHeader";
import { formatDateTime } from "../../../../ui/formatDateTime";
import { useCursorPaging } from "../../../../ui/useCursorPagination";
import { useHasPermission } from "../../../auth";
import { formatFen } from "../../money";
import { useCallList } from "../api";
import { CallStatusTag } from "../components/CallStatusTag";

type FilterValues = { q?: string; status?: CallStatus; mode?: CallMode };

/** 项目征集: calls the user may read, newest first, server-paginated, with title search and status and mode filters. */
export function CallListPage() {
  const { t } = useTranslation();
  const canManage = useHasPermission("calls.manage");
  // The home page's to-dos link here with ?status=… (calls under review, contracts closing).
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<FilterValues>(() => {
    const status = CallStatusSchema.options.find((value) => value === params.get("status"));
    return status ? { status } : {};
  });
  const paging = useCursorPaging(filters, 20);
  const { pagination, pageSize } = paging;
  const list = useCallList({ ...filters, cursor: pagination.cursor, limit: pageSize });
  const hasFilters = Object.values(filters).some((value) => value !== undefined);

  const columns: TableColumnsType<Call> = [
    { key: "title", title: t("calls.fields.title"), render: (_v, call) => <Link to={`/calls/${call.id}`}>{call.title}</Link> },
    { key: "purchaser", title: t("calls.fields.purchaser"), dataIndex: "purchaser_name" },
    { key: "mode", title: t("calls.fields.mode"), render: (_v, call) => t(`calls.mode.${call.mode}`) },
    { key: "budget", title: t("calls.fields.totalBudget"), align: "right", render: (_v, call) => formatFen(call.total_budget_fen) },
    { key: "deadline", title: t("calls.fields.deadline"), render: (_v, call) => formatDateTime(call.submission_deadline) },
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
          onSearch={(values) => setFilters({ q: values.q?.trim() || undefined, status: values.status, mode: values.mode })}
          onReset={() => setFilters({})}
          searchLabel={t("calls.filters.search")}
          resetLabel={t("calls.filters.reset")}
        >
          <Form.Item name="q">
            <Input allowClear aria-label={t("calls.filters.q")} placeholder={t("calls.filters.q")} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="status" initialValue={filters.status}>
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
        <CursorListTable<Call>
          query={list}
          paging={paging}
          columns={columns}
          scrollX={900}
          emptyText={hasFilters ? t("calls.list.emptyFiltered") : canManage ? t("calls.list.emptyManager") : t("calls.list.empty")}
        />
      </Card>
    </>
  );
}
