import type { Plan } from "@sanshe/contracts/leadership";
import { Button, Empty, Form, Input, InputNumber, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { FormDrawer } from "../../../ui/FormDrawer";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { QueryResult } from "../../../ui/QueryResult";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useHasPermission, useMe } from "../../auth";
import { useCreatePlan, usePlans } from "../api";

/** Yearly implementation plans (实施方案) the user may read, newest year first; managers draw up new ones. */
export function PlansPage() {
  const { t } = useTranslation();
  const canManage = useHasPermission("leadership.manage");
  const [cursors, setCursors] = useState<string[]>([]);
  const query = usePlans(undefined, cursors.at(-1));
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t("leadership.plans.title")}
        subtitle={t("leadership.plans.subtitle")}
        extra={
          canManage ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t("leadership.plan.create")}
            </Button>
          ) : null
        }
      />
      <QueryResult query={query}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty description={canManage ? t("leadership.plans.emptyManager") : t("leadership.plans.empty")} />
          ) : (
            <>
              <Table<Plan>
                rowKey="id"
                pagination={false}
                dataSource={page.items}
                columns={[
                  { title: t("leadership.plan.year"), dataIndex: "year", width: 80 },
                  { title: t("leadership.plan.area"), dataIndex: "area_name", width: 160 },
                  {
                    title: t("leadership.plan.titleLabel"),
                    dataIndex: "title",
                    render: (title: string, plan) => <Link to={`/plans/${plan.id}`}>{title}</Link>,
                  },
                  {
                    title: t("leadership.plan.status"),
                    dataIndex: "status",
                    width: 100,
                    render: (status: Plan["status"]) => (
                      <Tag color={status === "published" ? "green" : "default"}>{t(`leadership.planStatus.${status}`)}</Tag>
                    ),
                  },
                  { title: t("leadership.plan.targets"), dataIndex: "targets_count", width: 90 },
                ]}
              />
              {page.next_cursor ? (
                <Button style={{ marginTop: 16 }} onClick={() => setCursors([...cursors, page.next_cursor as string])}>
                  {t("leadership.common.next")}
                </Button>
              ) : null}
            </>
          )
        }
      </QueryResult>
      {creating ? <PlanDrawer onClose={() => setCreating(false)} /> : null}
    </>
  );
}

type Values = { area_code: string; year: number; title: string };

function PlanDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreatePlan();
  const idempotency = useIdempotencyKey();
  const navigate = useNavigate();
  const { data: me } = useMe();
  return (
    <FormDrawer
      open
      onClose={onClose}
      title={t("leadership.plan.create")}
      size={480}
      cancelLabel={t("leadership.common.cancel")}
      submitLabel={t("leadership.common.save")}
      isSubmitting={create.isPending}
      onSubmit={() => form.submit()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="plan"
        initialValues={{ area_code: me?.memberships.find((m) => m.role === "official")?.area_code, year: new Date().getFullYear() }}
        onFinish={(values) => {
          const body = { ...values, status: "draft" as const };
          create.mutate(
            { body, idempotencyKey: idempotency.keyFor(body) },
            {
              onSuccess: (plan) => void navigate(`/plans/${plan.id}`),
              onError: (error) => showFieldErrors(form, error, ["area_code", "year", "title"]),
            },
          );
        }}
      >
        <Form.Item
          name="area_code"
          label={t("leadership.fields.areaCode")}
          extra={t("leadership.fields.areaCodeHelp")}
          rules={[{ required: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="year" label={t("leadership.plan.year")} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="title" label={t("leadership.plan.titleLabel")} rules={[{ required: true, max: 200 }]}>
          <Input placeholder={t("leadership.plan.titlePlaceholder")} />
        </Form.Item>
        {create.isError ? <ProblemAlert error={create.error} /> : null}
      </Form>
    </FormDrawer>
  );
}
