import type { Application, ApplicationStatus } from "@sanshe/contracts";
import { APPLICATION_SORTS, ApplicationStatusSchema } from "@sanshe/contracts";
import { Card, Form, Input, Select, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { CursorListTable } from "../../../../ui/CursorListTable";
import { ExportButton } from "../../../../ui/ExportButton";
import { FilterBar } from "../../../../ui/FilterBar";
import { PageHeader } from "../../../../ui/PageHeader";
import { formatDateTime } from "../../../../ui/formatDateTime";
import { useUrlParams, useUrlSort } from "../../../../ui/searchParams";
import { useCursorPaging } from "../../../../ui/useCursorPagination";
import { formatFen } from "../../money";
import { useApplicationList } from "../api";

type FilterValues = { q?: string; status?: ApplicationStatus };

/**
 * 项目申报: the applications the user reads across calls (one call's with ?call_id=…), sorted by the
 * server (latest submitted first by default), counted and exported, filters kept in the URL.
 */
export function ApplicationListPage() {
  const { t } = useTranslation();
  const [raw, setRaw] = useUrlParams(["q", "status", "call_id"] as const);
  const filters: FilterValues & { call_id?: string } = {
    q: raw.q,
    status: ApplicationStatusSchema.options.find((value) => value === raw.status),
    call_id: raw.call_id,
  };
  const [sort, setSort] = useUrlSort(APPLICATION_SORTS);
  const paging = useCursorPaging([filters, sort], 20);
  const { pagination, pageSize } = paging;
  const list = useApplicationList({ ...filters, sort, cursor: pagination.cursor, limit: pageSize });
  const hasFilters = Object.values(filters).some((value) => value !== undefined);

  const columns: TableColumnsType<Application> = [
    { key: "submitted_at", title: t("calls.apply.submittedAt"), render: (_v, item) => formatDateTime(item.submitted_at) },
    {
      key: "call",
      title: t("calls.applications.call"),
      render: (_v, item) => <Link to={`/calls/${item.call_id}`}>{item.call_title}</Link>,
    },
    { key: "org", title: t("calls.purchaser.org"), render: (_v, item) => item.org.name },
    { key: "title", title: t("calls.apply.projectTitle"), dataIndex: "title" },
    { key: "requested", title: t("calls.apply.requested"), align: "right", render: (_v, item) => formatFen(item.requested_fen) },
    {
      key: "final_score",
      title: t("calls.purchaser.finalScore"),
      align: "right",
      render: (_v, item) => (item.final_score === null ? "—" : item.final_score.toFixed(2)),
    },
    {
      key: "complete",
      title: t("calls.purchaser.documents"),
      render: (_v, item) => (item.complete ? t("calls.attachments.complete") : t("calls.attachments.incomplete")),
    },
    { key: "status", title: t("calls.fields.status"), render: (_v, item) => <Tag>{t(`calls.applicationStatus.${item.status}`)}</Tag> },
  ];

  return (
    <>
      <PageHeader title={t("calls.applications.title")} subtitle={t("calls.applications.subtitle")} />
      <Card>
        <FilterBar<FilterValues>
          name="application-filters"
          onSearch={(values) => setRaw({ q: values.q?.trim() || undefined, status: values.status })}
          onReset={() => setRaw({ q: undefined, status: undefined, call_id: undefined })}
          initialValues={filters}
          searchLabel={t("calls.applications.filters.search")}
          resetLabel={t("calls.applications.filters.reset")}
        >
          <Form.Item name="q">
            <Input
              allowClear
              aria-label={t("calls.applications.filters.q")}
              placeholder={t("calls.applications.filters.q")}
              style={{ width: 220 }}
            />
          </Form.Item>
          <Form.Item name="status">
            <Select
              allowClear
              aria-label={t("calls.applications.filters.status")}
              placeholder={t("calls.applications.filters.status")}
              style={{ width: 150 }}
              options={ApplicationStatusSchema.options.map((value) => ({ value, label: t(`calls.applicationStatus.${value}`) }))}
            />
          </Form.Item>
          {filters.call_id ? (
            <Form.Item>
              <Tag closable onClose={() => setRaw({ call_id: undefined })}>
                {t("calls.applications.oneCall")}
              </Tag>
            </Form.Item>
          ) : null}
        </FilterBar>
        <CursorListTable<Application>
          query={list}
          paging={paging}
          columns={columns}
          scrollX={1100}
          emptyText={hasFilters ? t("calls.applications.emptyFiltered") : t("calls.applications.empty")}
          sorting={{ allowed: APPLICATION_SORTS, sort, onChange: setSort }}
          columnsKey="applications"
          toolbar={<ExportButton kind="applications" filters={{ ...filters, sort }} />}
        />
      </Card>
    </>
  );
}
