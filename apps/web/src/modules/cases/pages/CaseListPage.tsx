import { PlusOutlined } from "@ant-design/icons";
import type { CaseListItem, CaseRiskLevel, CaseStatus } from "@sanshe/contracts";
import { CASE_SORTS, CaseRiskLevelSchema, CaseStatusSchema } from "@sanshe/contracts";
import { Button, Card, Form, Input, Select } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { useHasPermission } from "../../auth";
import { CursorListTable } from "../../../ui/CursorListTable";
import { ExportButton } from "../../../ui/ExportButton";
import { FilterBar } from "../../../ui/FilterBar";
import { formatDateTime } from "../../../ui/formatDateTime";
import { PageHeader } from "../../../ui/PageHeader";
import { useUrlParams, useUrlSort } from "../../../ui/searchParams";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useCaseList, type CaseListFilters } from "../api";
import { OpenCaseDrawer } from "../components/OpenCaseDrawer";
import { CaseStatusTag, RiskTag } from "../components/StatusTags";

type FilterValues = { q?: string; status?: CaseStatus; risk_level?: CaseRiskLevel };

/**
 * 个案: the cases the caller may read, server-paginated and sorted (last update, opening, stage), with
 * stage, risk and name filters kept in the URL, the total, a column chooser and a summary export.
 */
export function CaseListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useHasPermission("cases.write");
  const [raw, setRaw] = useUrlParams(["q", "status", "risk_level"] as const);
  const filters: CaseListFilters = {
    q: raw.q,
    status: CaseStatusSchema.options.find((status) => status === raw.status),
    risk_level: CaseRiskLevelSchema.options.find((level) => level === raw.risk_level),
  };
  const setFilters = (next: CaseListFilters) => setRaw(next);
  const [sort, setSort] = useUrlSort(CASE_SORTS);
  const [isOpening, setIsOpening] = useState(false);
  const paging = useCursorPaging([filters, sort], 50);
  const { pagination, pageSize } = paging;
  const list = useCaseList({ ...filters, sort, cursor: pagination.cursor, limit: pageSize });
  const hasFilters = Object.values(filters).some((value) => value !== undefined);

  const columns: TableColumnsType<CaseListItem> = [
    {
      key: "resident",
      title: t("cases.fields.resident"),
      render: (_value, item) => <Link to={`/cases/${item.id}`}>{item.resident_name ?? "—"}</Link>,
    },
    { key: "status", title: t("cases.fields.status"), render: (_value, item) => <CaseStatusTag status={item.status} /> },
    { key: "risk", title: t("cases.fields.risk"), render: (_value, item) => <RiskTag level={item.risk_level} /> },
    { key: "worker", title: t("cases.fields.worker"), dataIndex: "worker_name" },
    { key: "opened_on", title: t("cases.fields.openedOn"), dataIndex: "opened_on" },
    { key: "closed", title: t("cases.fields.closedOn"), render: (_value, item) => item.closed_on ?? "—" },
    { key: "updated_at", title: t("cases.fields.updatedAt"), render: (_value, item) => formatDateTime(item.updated_at) },
  ];

  return (
    <>
      <PageHeader
        title={t("cases.title")}
        subtitle={t("cases.subtitle")}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsOpening(true)}>
              {t("cases.list.open")}
            </Button>
          ) : null
        }
      />
      <Card>
        <FilterBar<FilterValues>
          name="case-filters"
          onSearch={(values) => setFilters({ q: values.q?.trim() || undefined, status: values.status, risk_level: values.risk_level })}
          onReset={() => setFilters({ q: undefined, status: undefined, risk_level: undefined })}
          initialValues={filters}
          searchLabel={t("cases.filters.search")}
          resetLabel={t("cases.filters.reset")}
        >
          <Form.Item name="q">
            <Input allowClear placeholder={t("cases.filters.q")} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="status">
            <Select
              allowClear
              placeholder={t("cases.filters.status")}
              aria-label={t("cases.filters.status")}
              style={{ width: 140 }}
              options={CaseStatusSchema.options.map((value) => ({ value, label: t(`cases.status.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="risk_level">
            <Select
              allowClear
              placeholder={t("cases.filters.risk")}
              aria-label={t("cases.filters.risk")}
              style={{ width: 140 }}
              options={CaseRiskLevelSchema.options.map((value) => ({ value, label: t(`cases.risk.${value}`) }))}
            />
          </Form.Item>
        </FilterBar>
        <CursorListTable<CaseListItem>
          query={list}
          paging={paging}
          columns={columns}
          scrollX={900}
          emptyText={hasFilters ? t("cases.list.emptyFiltered") : t("cases.list.empty")}
          sorting={{ allowed: CASE_SORTS, sort, onChange: setSort }}
          columnsKey="cases"
          toolbar={<ExportButton kind="cases" filters={{ ...filters, sort }} />}
        />
      </Card>
      <OpenCaseDrawer
        open={isOpening}
        onClose={() => setIsOpening(false)}
        onOpened={(saved) => {
          setIsOpening(false);
          void navigate(`/cases/${saved.id}`);
        }}
      />
    </>
  );
}
