import { PlusOutlined } from "@ant-design/icons";
import { AdminTaskStatusSchema, type AdminTask, type AdminTaskStatus } from "@sanshe/contracts/admin-tasks";
import { Button, Card, Form, Input, Select, Space, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { CursorListTable } from "../../../ui/CursorListTable";
import { FilterBar } from "../../../ui/FilterBar";
import { PageHeader } from "../../../ui/PageHeader";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { withSearchParams } from "../../../ui/searchParams";
import { ViewSwitch } from "../../../ui/ViewSwitch";
import { useHasPermission } from "../../auth";
import { AreaCodeInput } from "../../jurisdictions";
import { useAdminTasks, useDepartments } from "../api";
import { ApplyDrawer } from "../components/ApplyDrawer";
import { TaskStatusTag } from "../components/StatusTags";
import { DANGER_TEXT, formatFen, isDecisionOverdue, shanghaiToday, WARNING_TEXT } from "../format";

type FilterValues = { q?: string; area?: string; department_id?: string };

const isStatus = (value: string | null): value is AdminTaskStatus => AdminTaskStatusSchema.safeParse(value).success;

/** 事项准入: a department's applications, a reviewer's tasks to decide, the admitted list; by status, area, department. */
export function TaskListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const canApply = useHasPermission("admin_tasks.apply");
  const canReview = useHasPermission("admin_tasks.review");
  const canReadAreas = useHasPermission("areas.read");
  const statusParam = params.get("status");
  const status = isStatus(statusParam) ? statusParam : undefined;
  const [filters, setFilters] = useState<FilterValues>({});
  const [isApplying, setIsApplying] = useState(false);
  const paging = useCursorPaging([filters, status], 20);
  const { pagination, pageSize } = paging;
  const list = useAdminTasks({ ...filters, status, cursor: pagination.cursor, limit: pageSize });
  const departments = useDepartments({ limit: 200 }, !canApply);
  const hasFilters = status !== undefined || Object.values(filters).some((value) => value !== undefined);
  const today = shanghaiToday();

  const columns: TableColumnsType<AdminTask> = [
    {
      key: "title",
      title: t("adminTasks.field.title"),
      render: (_v, task) => <Link to={`/admin-tasks/${task.id}`}>{task.title}</Link>,
    },
    { key: "department", title: t("adminTasks.field.department"), dataIndex: "department_name" },
    { key: "kind", title: t("adminTasks.field.kind"), render: (_v, task) => t(`adminTasks.kind.${task.kind}`) },
    { key: "targets", title: t("adminTasks.field.targetCount"), dataIndex: "target_count", align: "right" },
    {
      key: "funding",
      title: t("adminTasks.field.funding"),
      align: "right",
      render: (_v, task) => (
        <Typography.Text style={task.funding_fen_per_community === 0 ? { color: WARNING_TEXT } : undefined}>
          {formatFen(task.funding_fen_per_community)}
        </Typography.Text>
      ),
    },
    {
      key: "due",
      title: t("adminTasks.field.decisionDue"),
      render: (_v, task) => {
        const overdue = isDecisionOverdue(task, today);
        return (
          <Space size={4} wrap>
            <Typography.Text style={overdue ? { color: DANGER_TEXT } : undefined}>
              {task.decision_due_on}
              {overdue ? ` ${t("adminTasks.tasks.overdue")}` : ""}
            </Typography.Text>
            {task.escalated_at ? <Tag color="red">{t("adminTasks.tasks.escalated")}</Tag> : null}
          </Space>
        );
      },
    },
    { key: "status", title: t("adminTasks.field.status"), render: (_v, task) => <TaskStatusTag status={task.status} /> },
  ];

  return (
    <>
      <PageHeader
        title={t("adminTasks.tasks.title")}
        subtitle={t("adminTasks.tasks.subtitle")}
        extra={
          canApply ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsApplying(true)}>
              {t("adminTasks.tasks.apply")}
            </Button>
          ) : null
        }
      />
      <Card>
        <ViewSwitch
          label={t("adminTasks.tasks.title")}
          activeKey={status ?? "all"}
          onChange={(key) => setParams(withSearchParams(params, { status: key === "all" ? undefined : key }))}
          items={[
            { key: "all", label: t("adminTasks.status.all") },
            ...AdminTaskStatusSchema.options.map((value) => ({ key: value, label: t(`adminTasks.status.${value}`) })),
          ]}
        />
        <FilterBar<FilterValues>
          name="admin-task-filters"
          onSearch={(values) =>
            setFilters({
              q: values.q?.trim() || undefined,
              area: values.area && /^\d{2,12}$/.test(values.area) ? values.area : undefined,
              department_id: values.department_id,
            })
          }
          onReset={() => setFilters({})}
          searchLabel={t("adminTasks.common.search")}
          resetLabel={t("adminTasks.common.reset")}
        >
          <Form.Item name="q">
            <Input allowClear aria-label={t("adminTasks.field.search")} placeholder={t("adminTasks.field.search")} style={{ width: 200 }} />
          </Form.Item>
          {canReadAreas ? (
            <Form.Item name="area" label={t("adminTasks.tasks.filterArea")} style={{ width: 340 }}>
              <AreaCodeInput placeholder={t("adminTasks.tasks.filterArea")} />
            </Form.Item>
          ) : null}
          {!canApply ? (
            <Form.Item name="department_id">
              <Select
                allowClear
                aria-label={t("adminTasks.tasks.filterDepartment")}
                placeholder={t("adminTasks.tasks.filterDepartment")}
                style={{ width: 200 }}
                showSearch={{ optionFilterProp: "label" }}
                options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          ) : null}
        </FilterBar>
        <CursorListTable<AdminTask>
          query={list}
          paging={paging}
          columns={columns}
          scrollX={960}
          emptyText={
            hasFilters
              ? t("adminTasks.tasks.emptyFiltered")
              : canApply
                ? t("adminTasks.tasks.emptyDepartment")
                : canReview
                  ? t("adminTasks.tasks.emptyReviewer")
                  : t("adminTasks.tasks.empty")
          }
        />
      </Card>
      <ApplyDrawer
        open={isApplying}
        onClose={() => setIsApplying(false)}
        onCreated={(id) => {
          setIsApplying(false);
          void navigate(`/admin-tasks/${id}`);
        }}
      />
    </>
  );
}
