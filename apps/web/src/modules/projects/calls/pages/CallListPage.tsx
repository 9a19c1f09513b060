import { PlusOutlined } from "@ant-design/icons";
import type { Call, CallMode, CallStatus } from "@sanshe/contracts";
import { CallModeSchema, CallStatusSchema } from "@sanshe/contracts";
import { Button, Card, Empty, Flex, Form, Input, Select, Table } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { CursorPager } from "../../../../ui/CursorPager";
import { PageHeader } from "../../../../ui/PageHeader";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { formatDateTime } from "../../../../ui/formatDateTime";
import { useCursorPagination } from "../../../../ui/useCursorPagination";
import { useHasPermission } from "../../../auth";
import { formatFen } from "../../money";
import { useCallList } from "../api";
import { CallStatusTag } from "../components/CallStatusTag";

type FilterValues = { q?: string; status?: CallStatus; mode?: CallMode };

/** 项目征集: calls the user may read, newest first, server-paginated, with title search and status and mode filters. */
export function CallListPage() {
  const { t } = useTranslation();
  const canManage = useHasPermission("calls.manage");
  const [filters, setFilters] = useState<FilterValues>({});
  const [pageSize, setPageSize] = useState(20);
  const [form] = Form.useForm<FilterValues>();
  const pagination = useCursorPagination(JSON.stringify([filters, pageSize]));
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
        <Form<FilterValues>
          name="call-filters"
          form={form}
          layout="inline"
          style={{ marginBottom: 16, rowGap: 8 }}
          onFinish={(values) => setFilters({ q: values.q?.trim() || undefined, status: values.status, mode: values.mode })}
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
          <Button type="primary" htmlType="submit">
            {t("calls.filters.search")}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilters({});
            }}
          >
            {t("calls.filters.reset")}
          </Button>
        </Form>
        {list.isError ? <ProblemAlert error={list.error} style={{ marginBottom: 16 }} /> : null}
        <Table<Call>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{
            emptyText: (
              <Empty
                description={hasFilters ? t("calls.list.emptyFiltered") : canManage ? t("calls.list.emptyManager") : t("calls.list.empty")}
              />
            ),
          }}
        />
        <Flex justify="flex-end">
          <CursorPager
            pagination={pagination}
            nextCursor={list.data?.next_cursor}
            pageSize={pageSize}
            onPageSizeChange={setPageSize}
            itemCount={list.data?.items.length ?? 0}
            isLoading={list.isFetching}
          />
        </Flex>
      </Card>
    </>
  );
}
