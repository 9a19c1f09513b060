import { PlusOutlined } from "@ant-design/icons";
import type { MeetingListItem, MeetingStatus } from "@sanshe/contracts";
import { MEETING_SORTS, MeetingStatusSchema } from "@sanshe/contracts";
import { Button, Card, Checkbox, Form, Input, Select } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { useHasPermission } from "../../auth";
import { CursorListTable } from "../../../ui/CursorListTable";
import { ExportButton } from "../../../ui/ExportButton";
import { FilterBar } from "../../../ui/FilterBar";
import { useUrlParams, useUrlSort } from "../../../ui/searchParams";
import { PageHeader } from "../../../ui/PageHeader";
import { formatDateTime } from "../../../ui/formatDateTime";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useMeetingList } from "../api";
import { ConveneDrawer } from "../components/ConveneDrawer";
import { MeetingStatusTag } from "../components/StatusTags";

type FilterValues = { q?: string; status?: MeetingStatus; reply?: "pending" };
type FormValues = { q?: string; status?: MeetingStatus; pending?: boolean };

/**
 * 联席会议: meetings the caller may read, server-paginated, sorted and counted, with title search and
 * status filter (filters and sort in the URL), a column chooser and the export of the current filter.
 */
export function MeetingListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canConvene = useHasPermission("meetings.convene");
  const [raw, setFilters] = useUrlParams(["q", "status", "reply"] as const);
  const filters: FilterValues = {
    q: raw.q,
    status: MeetingStatusSchema.options.find((status) => status === raw.status),
    reply: raw.reply === "pending" ? "pending" : undefined,
  };
  const [sort, setSort] = useUrlSort(MEETING_SORTS);
  const [isConvening, setIsConvening] = useState(false);
  const paging = useCursorPaging([filters, sort], 20);
  const { pagination, pageSize } = paging;
  const list = useMeetingList({ ...filters, sort, cursor: pagination.cursor, limit: pageSize });
  const hasFilters = Object.values(filters).some((value) => value !== undefined);

  const columns: TableColumnsType<MeetingListItem> = [
    { key: "title", title: t("meetings.fields.title"), render: (_v, item) => <Link to={`/meetings/${item.id}`}>{item.title}</Link> },
    { key: "starts_at", title: t("meetings.fields.startsAt"), render: (_v, item) => formatDateTime(item.starts_at) },
    { key: "area", title: t("meetings.fields.area"), render: (_v, item) => item.area_name ?? item.area_code },
    { key: "status", title: t("meetings.fields.status"), render: (_v, item) => <MeetingStatusTag status={item.status} /> },
    { key: "convener", title: t("meetings.fields.convener"), dataIndex: "convener_name" },
    { key: "invitees", title: t("meetings.fields.invitees"), dataIndex: "invitees" },
  ];

  return (
    <>
      <PageHeader
        title={t("meetings.title")}
        subtitle={t("meetings.subtitle")}
        extra={
          canConvene ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsConvening(true)}>
              {t("meetings.list.convene")}
            </Button>
          ) : null
        }
      />
      <Card>
        <FilterBar<FormValues>
          name="meeting-filters"
          onSearch={(values) =>
            setFilters({ q: values.q?.trim() || undefined, status: values.status, reply: values.pending ? "pending" : undefined })
          }
          onReset={() => setFilters({ q: undefined, status: undefined, reply: undefined })}
          initialValues={{ q: filters.q, status: filters.status, pending: filters.reply === "pending" }}
          searchLabel={t("meetings.filters.search")}
          resetLabel={t("meetings.filters.reset")}
        >
          <Form.Item name="q">
            <Input allowClear aria-label={t("meetings.filters.q")} placeholder={t("meetings.filters.q")} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="status" initialValue={filters.status}>
            <Select
              allowClear
              placeholder={t("meetings.filters.status")}
              aria-label={t("meetings.filters.status")}
              style={{ width: 160 }}
              options={MeetingStatusSchema.options.map((value) => ({ value, label: t(`meetings.status.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="pending" valuePropName="checked">
            <Checkbox>{t("meetings.filters.replyPending")}</Checkbox>
          </Form.Item>
        </FilterBar>
        <CursorListTable<MeetingListItem>
          query={list}
          paging={paging}
          columns={columns}
          scrollX={800}
          emptyText={
            hasFilters ? t("meetings.list.emptyFiltered") : canConvene ? t("meetings.list.emptyConvener") : t("meetings.list.empty")
          }
          sorting={{ allowed: MEETING_SORTS, sort, onChange: setSort }}
          columnsKey="meetings"
          toolbar={<ExportButton kind="meetings" filters={{ ...filters, sort }} />}
        />
      </Card>
      <ConveneDrawer
        open={isConvening}
        onClose={() => setIsConvening(false)}
        onCreated={(id) => {
          setIsConvening(false);
          void navigate(`/meetings/${id}`);
        }}
      />
    </>
  );
}
