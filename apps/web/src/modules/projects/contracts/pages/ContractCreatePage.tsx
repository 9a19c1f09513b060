import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { ContractCreate } from "@sanshe/contracts";
import { SHARE_BP_TOTAL } from "@sanshe/contracts";
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, InputNumber, Result, Row, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { isProblem } from "../../../../ui/api";
import { PageHeader } from "../../../../ui/PageHeader";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { showFieldErrors } from "../../../../ui/fieldErrors";
import { useIdempotencyKey } from "../../../../ui/useIdempotencyKey";
import { fenToYuan, formatFen, yuanToFen } from "../../money";
import { useApplicationForContract, useCreateContract } from "../api";
import { RemovableCard } from "../../../../ui/RemovableCard";

type MilestoneValues = { title?: string; deliverables?: string; due_on?: string; share_percent?: number | null };
type KpiValues = { name?: string; target?: number | null; unit?: string };
type FormValues = {
  title?: string;
  amount_yuan?: number | null;
  period_start?: string;
  period_end?: string;
  milestones?: MilestoneValues[];
  kpis?: KpiValues[];
};

const FIELDS = ["title", "amount_fen", "period_start", "period_end", "milestones", "kpis"] as const;

/** Percent with two decimals (as typed) → basis points. */
const toBasisPoints = (percent: number | null | undefined) => Math.round((percent ?? 0) * 100);

/** 签订合同: the purchaser draws up the contract of an awarded application (?application=<id>). */
export function ContractCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const applicationId = params.get("application") ?? undefined;
  const { application, call } = useApplicationForContract(applicationId);
  const create = useCreateContract(applicationId ?? "");
  const { keyFor, reset } = useIdempotencyKey();
  const [form] = Form.useForm<FormValues>();
  const milestones = Form.useWatch("milestones", form) ?? [];
  const shareSum = milestones.reduce((sum, m) => sum + toBasisPoints(m?.share_percent), 0);

  if (!applicationId) {
    return (
      <Result status="info" title={t("contracts.create.noApplication")} extra={<Link to="/calls">{t("contracts.create.toCalls")}</Link>} />
    );
  }
  if (application.isError) {
    return <ProblemAlert error={application.error} />;
  }
  if (!application.data || call.isPending) {
    return <Skeleton active />;
  }
  const app = application.data;
  const capFen = call.data ? Math.min(app.requested_fen, call.data.project_cap_fen) : app.requested_fen;
  const existingId =
    isProblem(create.error, "CONTRACT_EXISTS") && typeof (create.error.problem as Record<string, unknown>)["existing_id"] === "string"
      ? ((create.error.problem as Record<string, unknown>)["existing_id"] as string)
      : undefined;

  const submit = (values: FormValues) => {
    const body: ContractCreate = {
      ...(values.title?.trim() ? { title: values.title.trim() } : {}),
      amount_fen: yuanToFen(values.amount_yuan ?? 0),
      period_start: values.period_start ?? "",
      period_end: values.period_end ?? "",
      milestones: (values.milestones ?? []).map((m) => ({
        title: m.title?.trim() ?? "",
        deliverables: m.deliverables?.trim() ?? "",
        due_on: m.due_on ?? "",
        share_bp: toBasisPoints(m.share_percent),
      })),
      kpis: (values.kpis ?? []).map((k) => ({ name: k.name?.trim() ?? "", target: k.target ?? 0, unit: k.unit?.trim() ?? "" })),
    };
    create.mutate(
      { ...body, idempotencyKey: keyFor(body) },
      {
        onSuccess: (saved) => {
          reset();
          void navigate(`/contracts/${saved.id}`);
        },
        onError: (error) => {
          showFieldErrors(form, error, FIELDS);
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t("contracts.create.title")} subtitle={t("contracts.create.subtitle")} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: "app", label: t("contracts.create.application"), children: app.title },
            { key: "org", label: t("contracts.fields.org"), children: app.org.name },
            { key: "requested", label: t("contracts.create.requested"), children: formatFen(app.requested_fen) },
            { key: "cap", label: t("contracts.create.cap"), children: call.data ? formatFen(call.data.project_cap_fen) : "—" },
            { key: "call", label: t("contracts.create.call"), children: call.data?.title ?? "—" },
          ]}
        />
        {app.status !== "awarded" ? (
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t("contracts.create.notAwarded")} />
        ) : null}
      </Card>
      <Card>
        <Form<FormValues>
          name="contract-create"
          form={form}
          layout="vertical"
          disabled={create.isPending}
          initialValues={{
            title: app.title,
            amount_yuan: fenToYuan(capFen),
            milestones: [
              { title: t("contracts.create.defaultMilestones.start"), share_percent: 30 },
              { title: t("contracts.create.defaultMilestones.middle"), share_percent: 40 },
              { title: t("contracts.create.defaultMilestones.end"), share_percent: 30 },
            ],
            kpis: app.kpis.map((k) => ({ name: k.name, target: k.target, unit: k.unit })),
          }}
          onFinish={submit}
        >
          <Form.Item name="title" label={t("contracts.fields.title")} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="amount_yuan"
                label={t("contracts.create.amountYuan")}
                extra={t("contracts.create.amountHint", { max: formatFen(capFen) })}
                rules={[{ required: true, type: "number", min: 0.01, max: fenToYuan(capFen) }]}
              >
                <InputNumber min={0.01} max={fenToYuan(capFen)} precision={2} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="period_start" label={t("contracts.fields.periodStart")} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name="period_end"
                label={t("contracts.fields.periodEnd")}
                dependencies={["period_start"]}
                rules={[
                  { required: true },
                  ({ getFieldValue }) => ({
                    validator: (_rule, value: string | undefined) => {
                      const start = getFieldValue("period_start") as string | undefined;
                      return !value || !start || value >= start
                        ? Promise.resolve()
                        : Promise.reject(new Error(t("contracts.create.endBeforeStart")));
                    },
                  }),
                ]}
              >
                <Input type="date" />
              </Form.Item>
            </Col>
          </Row>

          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t("contracts.fields.milestones")}
          </Typography.Title>
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <RemovableCard
                    key={field.key}
                    title={t("contracts.create.milestoneN", { n: index + 1 })}
                    removeLabel={t("contracts.create.removeMilestone", { n: index + 1 })}
                    canRemove={fields.length > 1}
                    onRemove={() => remove(field.name)}
                  >
                    <Row gutter={12}>
                      <Col xs={24} md={8}>
                        <Form.Item
                          name={[field.name, "title"]}
                          label={t("contracts.fields.milestoneTitle")}
                          rules={[{ required: true, whitespace: true, max: 100 }]}
                        >
                          <Input />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={8}>
                        <Form.Item name={[field.name, "due_on"]} label={t("contracts.fields.dueOn")} rules={[{ required: true }]}>
                          <Input type="date" />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={8}>
                        <Form.Item
                          name={[field.name, "share_percent"]}
                          label={t("contracts.fields.sharePercent")}
                          rules={[{ required: true, type: "number", min: 0.01, max: 100 }]}
                        >
                          <InputNumber min={0.01} max={100} precision={2} suffix="%" style={{ width: "100%" }} />
                        </Form.Item>
                      </Col>
                    </Row>
                    <Form.Item
                      name={[field.name, "deliverables"]}
                      label={t("contracts.fields.deliverables")}
                      rules={[{ required: true, whitespace: true, max: 2000 }]}
                    >
                      <Input.TextArea rows={2} />
                    </Form.Item>
                  </RemovableCard>
                ))}
                <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
                  <Button icon={<PlusOutlined />} disabled={fields.length >= 24} onClick={() => add({ share_percent: 0 })}>
                    {t("contracts.create.addMilestone")}
                  </Button>
                  <Typography.Text role="status" type={shareSum === SHARE_BP_TOTAL ? "success" : "danger"} data-testid="share-sum">
                    {t("contracts.create.shareSum", { sum: (shareSum / 100).toFixed(2) })}
                    {shareSum === SHARE_BP_TOTAL ? "" : ` · ${t("contracts.create.shareMustBeWhole")}`}
                  </Typography.Text>
                </Flex>
              </>
            )}
          </Form.List>

          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t("contracts.fields.kpis")}
          </Typography.Title>
          <Form.List name="kpis">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} wrap align="flex-start">
                    <Form.Item
                      name={[field.name, "name"]}
                      rules={[{ required: true, whitespace: true, max: 100 }]}
                      style={{ flex: 2, minWidth: 200 }}
                    >
                      <Input aria-label={t("contracts.fields.kpiName")} placeholder={t("contracts.fields.kpiName")} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "target"]}
                      rules={[{ required: true, type: "number", min: 0 }]}
                      style={{ flex: 1, minWidth: 120 }}
                    >
                      <InputNumber
                        aria-label={t("contracts.fields.kpiTarget")}
                        placeholder={t("contracts.fields.kpiTarget")}
                        min={0}
                        style={{ width: "100%" }}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "unit"]}
                      rules={[{ required: true, whitespace: true, max: 20 }]}
                      style={{ flex: 1, minWidth: 100 }}
                    >
                      <Input aria-label={t("contracts.fields.kpiUnit")} placeholder={t("contracts.fields.kpiUnit")} />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t("contracts.create.removeKpi", { n: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} disabled={fields.length >= 30} onClick={() => add({})} style={{ marginBottom: 16 }}>
                  {t("contracts.create.addKpi")}
                </Button>
              </>
            )}
          </Form.List>

          {create.error ? <ProblemAlert error={create.error} style={{ marginBottom: 12 }} /> : null}
          {existingId ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={<Link to={`/contracts/${existingId}`}>{t("contracts.create.openExisting")}</Link>}
            />
          ) : null}
          <Button type="primary" htmlType="submit" loading={create.isPending} disabled={shareSum !== SHARE_BP_TOTAL}>
            {t("contracts.create.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
