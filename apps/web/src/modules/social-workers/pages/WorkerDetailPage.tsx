import { ArrowLeftOutlined } from "@ant-design/icons";
import type { SocialWorker, SocialWorkerPost, SocialWorkerTraining } from "@sanshe/contracts";
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Progress,
  Result,
  Select,
  Skeleton,
  Tag,
  Typography,
} from "antd";
import type { UseQueryResult } from "@tanstack/react-query";
import type { FormInstance, TableColumnsType } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { isProblem } from "../../../ui/api";
import { toFormFieldErrors } from "../../../ui/fieldErrors";
import { DATE_FORMAT, useDateRangePresets } from "../../../ui/dateRangePresets";
import { formatDateTime } from "../../../ui/formatDateTime";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useCursorPagination } from "../../../ui/useCursorPagination";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useHasPermission } from "../../auth";
import { useAddPost, useAddTraining, usePosts, useSetCommunities, useTrainings, useUpdateWorker, useWorker } from "../api";
import { LevelTag } from "../components/LevelTag";
import { WorkerEditDrawer } from "../components/WorkerEditDrawer";
import { splitCodes } from "../components/WorkerCreateDrawer";
import { SummaryTable } from "../../../ui/SummaryTable";
import { AreaCodeInput } from "../../jurisdictions";

/** 社工详情: training hours against the yearly requirement, trainings, communities served and posts. */
export function WorkerDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const worker = useWorker(id);
  const canWrite = useHasPermission("social_workers.write");
  const [isEditing, setIsEditing] = useState(false);

  if (worker.isPending) {
    return <Skeleton active />;
  }
  if (worker.isError) {
    return isProblem(worker.error, "NOT_FOUND") ? (
      <Result status="404" title="404" subTitle={worker.error.problem.detail} />
    ) : (
      <ProblemAlert error={worker.error} />
    );
  }
  const data = worker.data;
  const percent =
    data.training_hours_required > 0
      ? Math.min(100, Math.round((data.training_hours_this_year / data.training_hours_required) * 100))
      : 100;
  const isBelow = data.training_hours_this_year < data.training_hours_required;

  return (
    <>
      <PageHeader
        title={data.name}
        subtitle={
          <Link to="/social-workers">
            <ArrowLeftOutlined /> {t("socialWorkers.detail.back")}
          </Link>
        }
        extra={
          canWrite ? (
            <>
              <Button onClick={() => setIsEditing(true)}>{t("socialWorkers.detail.edit")}</Button>
              <StatusButton worker={data} />
            </>
          ) : null
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
            <Descriptions.Item label={t("socialWorkers.fields.level")}>
              <LevelTag level={data.level} />
            </Descriptions.Item>
            <Descriptions.Item label={t("socialWorkers.fields.gender")}>
              {data.gender ? t(`socialWorkers.gender.${data.gender}`) : "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("socialWorkers.fields.status")}>{t(`socialWorkers.status.${data.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t("socialWorkers.fields.certificateNo")}>{data.certificate_no ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("socialWorkers.fields.certificateYear")}>{data.certificate_year ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("socialWorkers.fields.organization")}>{data.organization_name ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("socialWorkers.fields.area")}>
              {data.area_name} <span data-allow-code>({data.area_code})</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("socialWorkers.fields.supervisor")}>
              {data.supervisor_id ? <Link to={`/social-workers/${data.supervisor_id}`}>{data.supervisor_name}</Link> : "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("socialWorkers.fields.updatedAt")}>{formatDateTime(data.updated_at)}</Descriptions.Item>
          </Descriptions>
          <Typography.Text strong>
            {t("socialWorkers.detail.hoursProgress", { hours: data.training_hours_this_year, required: data.training_hours_required })}
          </Typography.Text>
          <Progress percent={percent} status={isBelow ? "exception" : "success"} aria-label={t("socialWorkers.fields.trainingHours")} />
          {isBelow ? <Typography.Text type="danger">{t("socialWorkers.detail.hoursBelow")}</Typography.Text> : null}
        </Card>
        <CommunitiesCard worker={data} canWrite={canWrite} />
        <TrainingsCard workerId={id} canWrite={canWrite} />
        <PostsCard workerId={id} canWrite={canWrite} />
      </Flex>
      {canWrite ? <WorkerEditDrawer key={data.version} worker={data} open={isEditing} onClose={() => setIsEditing(false)} /> : null}
    </>
  );
}

function StatusButton({ worker }: { worker: SocialWorker }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateWorker(worker.id);
  const next = worker.status === "active" ? "left" : "active";
  return (
    <>
      <Button
        loading={update.isPending}
        onClick={() =>
          update.mutate(
            { version: worker.version, data: { status: next } },
            { onSuccess: () => void message.success(t("socialWorkers.detail.saved")) },
          )
        }
      >
        {t("socialWorkers.detail.setStatus", { status: t(`socialWorkers.status.${next}`) })}
      </Button>
      {update.isError ? <ProblemAlert error={update.error} /> : null}
    </>
  );
}

function CommunitiesCard({ worker, canWrite }: { worker: SocialWorker; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<string | null>(null);
  const save = useSetCommunities(worker.id);
  return (
    <Card title={t("socialWorkers.fields.communities")}>
      {worker.communities.length === 0 ? (
        <Typography.Text type="secondary">{t("socialWorkers.detail.noCommunities")}</Typography.Text>
      ) : null}
      {worker.communities.map((community) => (
        <Tag key={community.area_code} title={community.area_code}>
          {community.area_name}
        </Tag>
      ))}
      {canWrite && draft === null ? (
        <Button type="link" onClick={() => setDraft(worker.communities.map((community) => community.area_code).join(", "))}>
          {t("socialWorkers.detail.editCommunities")}
        </Button>
      ) : null}
      {draft !== null ? (
        <Flex gap={8} style={{ marginTop: 12 }} wrap>
          <Input
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            style={{ maxWidth: 480 }}
            aria-label={t("socialWorkers.fields.communityCodes")}
          />
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { version: worker.version, community_codes: splitCodes(draft) },
                {
                  onSuccess: () => {
                    setDraft(null);
                    void message.success(t("socialWorkers.detail.saved"));
                  },
                },
              )
            }
          >
            {t("socialWorkers.detail.saveCommunities")}
          </Button>
        </Flex>
      ) : null}
      {save.isError ? <ProblemAlert error={save.error} style={{ marginTop: 12 }} /> : null}
    </Card>
  );
}

type AddMutation<Body> = {
  mutate: (input: Body & { idempotencyKey: string }, options: { onSuccess: () => void; onError: (error: Error) => void }) => void;
};

/** Adds an entry to a worker's history once per submission: clears the form and says so, or marks the fields in error. */
function useAddEntry<Body, Values>(add: AddMutation<Body>, form: FormInstance<Values>, fields: readonly string[]) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const idempotency = useIdempotencyKey();
  return (body: Body) =>
    add.mutate(
      { ...body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: () => {
          idempotency.reset();
          form.resetFields();
          void message.success(t("socialWorkers.detail.added"));
        },
        onError: (error) => form.setFields(toFormFieldErrors<Values>(error, fields).fields),
      },
    );
}

type HistoryTableProps<Row> = {
  query: UseQueryResult<{ items: Row[] }>;
  emptyText: string;
  columns: TableColumnsType<Row>;
};

/** A worker's history (trainings, posts): its problem if it fails, else its rows, refreshed in place. */
function HistoryTable<Row extends { id: string }>({ query, emptyText, columns }: HistoryTableProps<Row>) {
  return (
    <>
      {query.isError ? <ProblemAlert error={query.error} /> : null}
      <SummaryTable<Row>
        rowKey="id"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        columns={columns}
      />
    </>
  );
}

type TrainingValues = { date: Dayjs; hours: number; topic: string; provider?: string };

function TrainingsCard({ workerId, canWrite }: { workerId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const pagination = useCursorPagination(workerId);
  const trainings = useTrainings(workerId, pagination.cursor);
  const add = useAddTraining(workerId);
  const [form] = Form.useForm<TrainingValues>();
  const addEntry = useAddEntry(add, form, ["date", "hours", "topic", "provider"]);
  const submit = (values: TrainingValues) => {
    const body = {
      date: values.date.format("YYYY-MM-DD"),
      hours: values.hours,
      topic: values.topic,
      provider: values.provider?.trim() ? values.provider : null,
    };
    addEntry(body);
  };
  return (
    <Card title={t("socialWorkers.detail.trainings")}>
      {canWrite ? (
        <Form<TrainingValues> form={form} layout="inline" onFinish={submit} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="date" rules={[{ required: true }]}>
            <DatePicker placeholder={t("socialWorkers.detail.date")} />
          </Form.Item>
          <Form.Item name="hours" rules={[{ required: true }]}>
            <InputNumber min={0.5} max={200} step={0.5} precision={1} placeholder={t("socialWorkers.detail.hours")} />
          </Form.Item>
          <Form.Item name="topic" rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input placeholder={t("socialWorkers.detail.topic")} />
          </Form.Item>
          <Form.Item name="provider" rules={[{ max: 100 }]}>
            <Input placeholder={t("socialWorkers.detail.provider")} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t("socialWorkers.detail.addTraining")}
          </Button>
        </Form>
      ) : null}
      {add.isError && !isProblem(add.error, "VALIDATION_FAILED") ? <ProblemAlert error={add.error} style={{ marginBottom: 16 }} /> : null}
      <HistoryTable<SocialWorkerTraining>
        query={trainings}
        emptyText={t("socialWorkers.detail.noTrainings")}
        columns={[
          { key: "date", title: t("socialWorkers.detail.date"), dataIndex: "date", width: 120 },
          { key: "hours", title: t("socialWorkers.detail.hours"), dataIndex: "hours", width: 80 },
          { key: "topic", title: t("socialWorkers.detail.topic"), dataIndex: "topic" },
          { key: "provider", title: t("socialWorkers.detail.provider"), dataIndex: "provider" },
        ]}
      />
      {trainings.data?.next_cursor || pagination.hasPrevious ? (
        <Flex gap={8} justify="flex-end" style={{ marginTop: 8 }}>
          <Button disabled={!pagination.hasPrevious} onClick={pagination.goPrevious}>
            {t("ui.pager.previous")}
          </Button>
          <Button
            disabled={!trainings.data?.next_cursor}
            onClick={() => trainings.data?.next_cursor && pagination.goNext(trainings.data.next_cursor)}
          >
            {t("ui.pager.next")}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}

type PostValues = { kind: SocialWorkerPost["kind"]; title: string; area_code: string; period: [Dayjs, Dayjs | null] };
const POST_KINDS: ReadonlyArray<SocialWorkerPost["kind"]> = ["gov_purchased_post", "community_post", "agency_project"];

function PostsCard({ workerId, canWrite }: { workerId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const posts = usePosts(workerId);
  const add = useAddPost(workerId);
  const [form] = Form.useForm<PostValues>();
  const presets = useDateRangePresets();
  const addEntry = useAddEntry(add, form, ["kind", "title", "area_code"]);
  const submit = (values: PostValues) => {
    const [from, to] = values.period;
    const body = {
      kind: values.kind,
      title: values.title,
      area_code: values.area_code.trim(),
      from_date: from.format(DATE_FORMAT),
      to_date: to ? to.format(DATE_FORMAT) : null,
    };
    addEntry(body);
  };
  return (
    <Card title={t("socialWorkers.detail.posts")}>
      {canWrite ? (
        <Form<PostValues>
          form={form}
          layout="inline"
          onFinish={submit}
          style={{ marginBottom: 16, rowGap: 8 }}
          initialValues={{ kind: "gov_purchased_post" }}
        >
          <Form.Item name="kind" rules={[{ required: true }]}>
            <Select
              aria-label={t("socialWorkers.detail.kind")}
              options={POST_KINDS.map((kind) => ({ value: kind, label: t(`socialWorkers.postKind.${kind}`) }))}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Form.Item name="title" rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input placeholder={t("socialWorkers.detail.postTitle")} />
          </Form.Item>
          <Form.Item name="area_code" rules={[{ required: true, pattern: /^(\d{6}|\d{9}|\d{12})$/ }]}>
            <AreaCodeInput placeholder={t("socialWorkers.detail.postArea")} />
          </Form.Item>
          {/* the period of the post: a start, and an end unless the post goes on */}
          <Form.Item name="period" rules={[{ required: true }]}>
            <DatePicker.RangePicker
              allowEmpty={[false, true]}
              format={DATE_FORMAT}
              presets={presets}
              placeholder={[t("socialWorkers.detail.from"), t("socialWorkers.detail.to")]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t("socialWorkers.detail.addPost")}
          </Button>
        </Form>
      ) : null}
      {add.isError ? <ProblemAlert error={add.error} style={{ marginBottom: 16 }} /> : null}
      <HistoryTable<SocialWorkerPost>
        query={posts}
        emptyText={t("socialWorkers.detail.noPosts")}
        columns={[
          { key: "kind", title: t("socialWorkers.detail.kind"), render: (_v, post) => t(`socialWorkers.postKind.${post.kind}`) },
          { key: "title", title: t("socialWorkers.detail.postTitle"), dataIndex: "title" },
          { key: "area", title: t("socialWorkers.detail.postArea"), dataIndex: "area_code" },
          { key: "from", title: t("socialWorkers.detail.from"), dataIndex: "from_date" },
          { key: "to", title: t("socialWorkers.detail.to"), dataIndex: "to_date", render: (value: string | null) => value ?? "—" },
        ]}
      />
    </Card>
  );
}
