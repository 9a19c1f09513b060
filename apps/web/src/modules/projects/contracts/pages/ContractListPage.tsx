import type { Contract, ContractStatus } from "@sanshe/contracts";
import { CONTRACT_SORTS, ContractStatusSchema } from "@sanshe/contracts";
import { Card, Flex, Form, Input, Progress, Select } from "antd";
import type { TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { CursorListTable } from "../../../../ui/CursorListTable";
import { ExportButton } from "../../../../ui/ExportButton";
import { FilterBar } from "../../../../ui/FilterBar";
import { useUrlParams, useUrlSort } from "../../../../ui/searchParams";
import { FilterChip } from "../../../../ui/FilterChip";
import { useCursorPaging } from "../../../../ui/useCursorPagination";
import { PageHeader } from "../../../../ui/PageHeader";
import { formatDateTime } from "../../../../ui/formatDateTime";
import { formatFen } from "../../money";
import { useContractList } from "../api";
import { ContractStatusTag } from "../components/StatusTags";
import { useProjectRoles } from "../hooks";

type FilterValues = { q?: string; status?: ContractStatus; awaiting?: "milestones" | "evaluation" };

/** 项目合同: the contracts the caller reads (purchaser: its area; organization: its own; evaluator: assigned). */
export function ContractListPage() {
  const { t } = useTranslation();
  const { isPurchaser, isOrgStaff } = useProjectRoles();
  // The home page's to-dos link here with ?awaiting=milestones|evaluation; filters live in the URL.
  const [raw, setRaw] = useUrlParams(["q", "status", "awaiting"] as const);
  const filters: FilterValues = {
    q: raw.q,
    status: ContractStatusSchema.options.find((status) => status === raw.status),
    awaiting: raw.awaiting === "milestones" || raw.awaiting === "evaluation" ? raw.awaiting : undefined,
  };
  const setFilters = (next: FilterValues) => setRaw(next);
  const [sort, setSort] = useUrlSort(CONTRACT_SORTS);
  const paging = useCursorPaging([filters, sort], 20);
  const { pagination, pageSize } = paging;
  const list = useContractList({ ...filters, sort, cursor: pagination.cursor, limit: pageSize });
  const hasFilters = Object.values(filters).some((value) => value !== undefined);

  const columns: TableColumnsType<Contract> = [
    { key: "title", title: t("contracts.fields.title"), render: (_v, item) => <Link to={`/contracts/${item.id}`}>{item.title}</Link> },
    { key: "org", title: t("contracts.fields.org"), dataIndex: "org_name" },
    { key: "signed_at", title: t("contracts.fields.signedAt"), render: (_v, item) => formatDateTime(item.signed_at) },
    { key: "amount", title: t("contracts.fields.amount"), align: "right", render: (_v, item) => formatFen(item.amount_fen) },
    {
      key: "paid",
      title: t("contracts.fields.paid"),
      render: (_v, item) => (
        <Flex vertical gap={0} style={{ minWidth: 140 }}>
          <span>{formatFen(item.paid_fen)}</span>
          <Progress
            percent={item.amount_fen > 0 ? Math.round((item.paid_fen / item.amount_fen) * 100) : 0}
            size="small"
            aria-label={t("contracts.fields.paidShare")}
          />
        </Flex>
      ),
    },
    { key: "period_end", title: t("contracts.fields.period"), render: (_v, item) => `${item.period_start} – ${item.period_end}` },
    { key: "status", title: t("contracts.fields.status"), render: (_v, item) => <ContractStatusTag status={item.status} /> },
  ];

  const emptyText = hasFilters
    ? t("contracts.list.emptyFiltered")
    : isPurchaser
      ? t("contracts.list.emptyPurchaser")
      : isOrgStaff
        ? t("contracts.list.emptyOrg")
        : t("contracts.list.empty");

  return (
    <>
      <PageHeader
        title={t("contracts.list.title")}
        subtitle={isOrgStaff ? t("contracts.list.subtitleOrg") : t("contracts.list.subtitle")}
      />
      <Card>
        <FilterBar<FilterValues>
          name="contract-filters"
          onSearch={(values) => setFilters({ q: values.q?.trim() || undefined, status: values.status, awaiting: filters.awaiting })}
          onReset={() => setFilters({ q: undefined, status: undefined, awaiting: undefined })}
          initialValues={filters}
          searchLabel={t("contracts.filters.search")}
          resetLabel={t("contracts.filters.reset")}
        >
          <Form.Item name="q">
            <Input allowClear aria-label={t("contracts.filters.q")} placeholder={t("contracts.filters.q")} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="status" initialValue={filters.status}>
            <Select
              allowClear
              aria-label={t("contracts.filters.status")}
              placeholder={t("contracts.filters.status")}
              style={{ width: 160 }}
              options={ContractStatusSchema.options.map((value) => ({ value, label: t(`contracts.status.${value}`) }))}
            />
          </Form.Item>
        </FilterBar>
        {filters.awaiting ? (
          <FilterChip
            label={t(`contracts.list.awaiting.${filters.awaiting}`)}
            onClear={() => setFilters({ ...filters, awaiting: undefined })}
          />
        ) : null}
        <CursorListTable<Contract>
          query={list}
          paging={paging}
          columns={columns}
          scrollX={1000}
          emptyText={emptyText}
          sorting={{ allowed: CONTRACT_SORTS, sort, onChange: setSort }}
          columnsKey="contracts"
          toolbar={<ExportButton kind="contracts" filters={{ ...filters, sort }} />}
        />
      </Card>
    </>
  );
}
