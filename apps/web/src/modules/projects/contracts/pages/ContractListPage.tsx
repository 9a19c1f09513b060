import type { Contract, ContractStatus } from "@sanshe/contracts";
import { ContractStatusSchema } from "@sanshe/contracts";
import { Button, Card, Empty, Flex, Form, Input, Progress, Select, Table } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { CursorPager } from "../../../../ui/CursorPager";
import { useCursorPagination } from "../../../../ui/useCursorPagination";
import { PageHeader } from "../../../../ui/PageHeader";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { formatFen } from "../../money";
import { useContractList } from "../api";
import { ContractStatusTag } from "../components/StatusTags";
import { useProjectRoles } from "../hooks";

type FilterValues = { q?: string; status?: ContractStatus };

/** 项目合同: the contracts the caller reads (purchaser: its area; organization: its own; evaluator: assigned). */
export function ContractListPage() {
  const { t } = useTranslation();
  const { isPurchaser, isOrgStaff } = useProjectRoles();
  const [filters, setFilters] = useState<FilterValues>({});
  const [pageSize, setPageSize] = useState(20);
  const [form] = Form.useForm<FilterValues>();
  const pagination = useCursorPaginationFor(filters, pageSize);
  const list = useContractList({ ...filters, cursor: pagination.cursor, limit: pageSize });
  const hasFilters = Object.values(filters).some((value) => value !== undefined);

  const columns: TableColumnsType<Contract> = [
    { key: "title", title: t("contracts.fields.title"), render: (_v, item) => <Link to={`/contracts/${item.id}`}>{item.title}</Link> },
    { key: "org", title: t("contracts.fields.org"), dataIndex: "org_name" },
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
    { key: "period", title: t("contracts.fields.period"), render: (_v, item) => `${item.period_start} – ${item.period_end}` },
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
        <Form<FilterValues>
          name="contract-filters"
          form={form}
          layout="inline"
          style={{ marginBottom: 16, rowGap: 8 }}
          onFinish={(values) => setFilters({ q: values.q?.trim() || undefined, status: values.status })}
        >
          <Form.Item name="q">
            <Input allowClear aria-label={t("contracts.filters.q")} placeholder={t("contracts.filters.q")} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="status">
            <Select
              allowClear
              aria-label={t("contracts.filters.status")}
              placeholder={t("contracts.filters.status")}
              style={{ width: 160 }}
              options={ContractStatusSchema.options.map((value) => ({ value, label: t(`contracts.status.${value}`) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t("contracts.filters.search")}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilters({});
            }}
          >
            {t("contracts.filters.reset")}
          </Button>
        </Form>
        {list.isError ? <ProblemAlert error={list.error} style={{ marginBottom: 16 }} /> : null}
        <Table<Contract>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={emptyText} /> }}
        />
        <CursorPager
          pagination={pagination}
          nextCursor={list.data?.next_cursor}
          pageSize={pageSize}
          onPageSizeChange={setPageSize}
          itemCount={list.data?.items.length ?? 0}
          isLoading={list.isFetching}
        />
      </Card>
    </>
  );
}

function useCursorPaginationFor(filters: FilterValues, pageSize: number) {
  return useCursorPagination(JSON.stringify([filters, pageSize]));
}
