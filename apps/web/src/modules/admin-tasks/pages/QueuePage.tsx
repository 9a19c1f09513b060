import { ExclamationCircleOutlined } from "@ant-design/icons";
import {
  OccurrenceStatusSchema,
  type AdminTask,
  type Occurrence,
  type OccurrenceStatus,
  type Refusal,
} from "@sanshe/contracts/admin-tasks";
import { Alert, App, Button, Card, Flex, Grid, List, Popconfirm, Select, Space, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { CursorList, CursorListTable } from "../../../ui/CursorListTable";
import { formatDateTime } from "../../../ui/formatDateTime";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { withSearchParams } from "../../../ui/searchParams";
import { ViewSwitch } from "../../../ui/ViewSwitch";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useMe } from "../../auth";
import { useQueue, useRefusals, useRefuse, useUnadmitted } from "../api";
import { CompleteModal } from "../components/CompleteModal";
import { RefusalDrawer } from "../components/RefusalDrawer";
import { OccurrenceStatusTag, TaskStatusTag } from "../components/StatusTags";
import { useConflictNotice } from "../components/useConflictNotice";
import { DANGER_TEXT, formatHours, shanghaiToday } from "../format";

type Tab = "occurrences" | "unadmitted" | "refusals";
const TABS: readonly Tab[] = ["occurrences", "unadmitted", "refusals"];
const tabLabels: Record<Tab, string> = {
  occurrences: "adminTasks.queue.tabOccurrences",
  unadmitted: "adminTasks.queue.tabUnadmitted",
  refusals: "adminTasks.queue.tabRefusals",
};

/** 社区工作台账: a community's queue of admitted work, the demands it may refuse, and its refusals. */
export function QueuePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get("tab") as Tab | null;
  const tab: Tab = tabParam && TABS.includes(tabParam) ? tabParam : "occurrences";
  const communities = (me.data?.memberships ?? []).filter((m) => m.role === "community_staff");
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const community = chosen ?? communities[0]?.area_code;
  const [isRegistering, setIsRegistering] = useState(false);
  const choose = (key: Tab) => setParams(withSearchParams(params, { tab: key === "occurrences" ? undefined : key }));
  const panels: Record<Tab, ReactNode> = {
    occurrences: <OccurrencesTab community={community} />,
    unadmitted: <UnadmittedTab community={community} />,
    refusals: <RefusalsTab community={community} />,
  };

  return (
    <>
      <PageHeader
        title={t("adminTasks.queue.title")}
        subtitle={t("adminTasks.queue.subtitle")}
        extra={
          <Button danger icon={<ExclamationCircleOutlined />} onClick={() => setIsRegistering(true)}>
            {t("adminTasks.queue.registerRefusal")}
          </Button>
        }
      />
      {me.data && communities.length === 0 ? (
        <Alert type="info" showIcon title={t("adminTasks.queue.noCommunity")} style={{ marginBottom: 16 }} />
      ) : null}
      {communities.length > 1 ? (
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <Typography.Text>{t("adminTasks.queue.community")}</Typography.Text>
          <Select
            aria-label={t("adminTasks.queue.community")}
            value={community}
            onChange={setChosen}
            style={{ minWidth: 200 }}
            options={communities.map((m) => ({ value: m.area_code, label: m.area_name }))}
          />
        </Flex>
      ) : null}
      <Card>
        <ViewSwitch
          label={t("adminTasks.queue.title")}
          activeKey={tab}
          onChange={(key) => choose(key as Tab)}
          items={TABS.map((key) => ({ key, label: t(tabLabels[key]), children: panels[key] }))}
        />
      </Card>
      <RefusalDrawer open={isRegistering} onClose={() => setIsRegistering(false)} community={community} />
    </>
  );
}

function OccurrencesTab({ community }: { community: string | undefined }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [status, setStatus] = useState<OccurrenceStatus | undefined>("open");
  const paging = useCursorPaging([community, status], 20);
  const { pagination, pageSize } = paging;
  const list = useQueue({ area: community, status, cursor: pagination.cursor, limit: pageSize });
  const [completing, setCompleting] = useState<Occurrence | null>(null);
  const today = shanghaiToday();

  const due = (row: Occurrence) => (
    <Typography.Text style={row.status === "open" && row.due_on < today ? { color: DANGER_TEXT } : undefined}>{row.due_on}</Typography.Text>
  );
  const action = (row: Occurrence) =>
    row.status === "open" ? (
      <Button size="small" type="primary" onClick={() => setCompleting(row)}>
        {t("adminTasks.queue.complete")}
      </Button>
    ) : null;

  const columns: TableColumnsType<Occurrence> = [
    { key: "task", title: t("adminTasks.field.title"), dataIndex: "task_title" },
    { key: "department", title: t("adminTasks.field.department"), dataIndex: "department_name" },
    { key: "kind", title: t("adminTasks.field.kind"), render: (_v, row) => t(`adminTasks.kind.${row.task_kind}`) },
    { key: "due", title: t("adminTasks.field.dueOn"), render: (_v, row) => due(row) },
    {
      key: "hours",
      title: t("adminTasks.field.estimatedHours"),
      align: "right",
      render: (_v, row) => formatHours(row.estimated_hours),
    },
    { key: "logged", title: t("adminTasks.field.loggedHours"), align: "right", render: (_v, row) => formatHours(row.logged_hours) },
    { key: "status", title: t("adminTasks.field.status"), render: (_v, row) => <OccurrenceStatusTag status={row.status} /> },
    { key: "action", title: "", render: (_v, row) => action(row) },
  ];

  return (
    <>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t("adminTasks.queue.statusFilter")}</Typography.Text>
        <Select
          allowClear
          aria-label={t("adminTasks.queue.statusFilter")}
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          options={OccurrenceStatusSchema.options.map((value) => ({ value, label: t(`adminTasks.occurrenceStatus.${value}`) }))}
        />
      </Flex>
      {screens.md === false ? (
        <CursorList<Occurrence>
          query={list}
          paging={paging}
          emptyText={t("adminTasks.queue.emptyOccurrences")}
          renderItem={(row) => (
            <List.Item key={row.id} actions={row.status === "open" ? [action(row)] : undefined} data-testid="occurrence">
              <List.Item.Meta
                title={row.task_title}
                description={
                  <Space size={4} wrap>
                    <span>{row.department_name}</span>·<span>{t(`adminTasks.kind.${row.task_kind}`)}</span>·{due(row)}·
                    <span>
                      {formatHours(row.logged_hours ?? row.estimated_hours)} {t("adminTasks.common.hours")}
                    </span>
                    <OccurrenceStatusTag status={row.status} />
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <CursorListTable<Occurrence>
          query={list}
          paging={paging}
          columns={columns}
          scrollX={840}
          emptyText={t("adminTasks.queue.emptyOccurrences")}
        />
      )}
      <CompleteModal key={completing?.id ?? "none"} occurrence={completing} onClose={() => setCompleting(null)} />
    </>
  );
}

function UnadmittedTab({ community }: { community: string | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const paging = useCursorPaging([community], 20);
  const { pagination, pageSize } = paging;
  const list = useUnadmitted({ area: community, cursor: pagination.cursor, limit: pageSize });
  const refuse = useRefuse();
  const idempotency = useIdempotencyKey();
  const onConflict = useConflictNotice();

  const doRefuse = (task: AdminTask) => {
    const body = { task_id: task.id, ...(community ? { area_code: community } : {}), note: null };
    refuse.mutate(
      { body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: () => {
          idempotency.reset();
          void message.success(t("adminTasks.queue.refused"));
        },
        onError: onConflict,
      },
    );
  };

  const columns: TableColumnsType<AdminTask> = [
    { key: "title", title: t("adminTasks.field.title"), dataIndex: "title" },
    { key: "department", title: t("adminTasks.field.department"), dataIndex: "department_name" },
    { key: "kind", title: t("adminTasks.field.kind"), render: (_v, row) => t(`adminTasks.kind.${row.kind}`) },
    { key: "status", title: t("adminTasks.field.status"), render: (_v, row) => <TaskStatusTag status={row.status} /> },
    { key: "period", title: t("adminTasks.field.period"), render: (_v, row) => `${row.starts_on} ~ ${row.ends_on}` },
    {
      key: "action",
      title: "",
      render: (_v, row) => (
        <Popconfirm
          title={t("adminTasks.queue.refuseConfirm", { title: row.title })}
          okText={t("adminTasks.queue.refuseOk")}
          cancelText={t("adminTasks.common.cancel")}
          okButtonProps={{ danger: true }}
          onConfirm={() => doRefuse(row)}
        >
          <Button
            size="small"
            danger
            loading={
              refuse.isPending &&
              refuse.variables.body !== undefined &&
              "task_id" in refuse.variables.body &&
              refuse.variables.body.task_id === row.id
            }
          >
            {t("adminTasks.queue.refuse")}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      {refuse.isError ? <ProblemAlert error={refuse.error} style={{ marginBottom: 12 }} /> : null}
      <CursorListTable<AdminTask>
        query={list}
        paging={paging}
        columns={columns}
        scrollX={760}
        emptyText={t("adminTasks.queue.emptyUnadmitted")}
      />
    </>
  );
}

function RefusalsTab({ community }: { community: string | undefined }) {
  const { t } = useTranslation();
  const paging = useCursorPaging([community], 20);
  const { pagination, pageSize } = paging;
  const list = useRefusals({ area: community, cursor: pagination.cursor, limit: pageSize });
  const columns: TableColumnsType<Refusal> = [
    { key: "title", title: t("adminTasks.field.title"), dataIndex: "title" },
    { key: "department", title: t("adminTasks.field.department"), dataIndex: "department_name" },
    { key: "kind", title: t("adminTasks.field.kind"), render: (_v, row) => t(`adminTasks.kind.${row.kind}`) },
    { key: "received", title: t("adminTasks.field.receivedOn"), dataIndex: "received_on" },
    { key: "note", title: t("adminTasks.field.note"), render: (_v, row) => row.note ?? "—" },
    { key: "by", title: t("adminTasks.field.refusedBy"), dataIndex: "refused_by_name" },
    { key: "at", title: t("adminTasks.field.refusedAt"), render: (_v, row) => formatDateTime(row.created_at) },
  ];
  return (
    <CursorListTable<Refusal>
      query={list}
      paging={paging}
      columns={columns}
      scrollX={900}
      emptyText={t("adminTasks.queue.emptyRefusals")}
    />
  );
}
