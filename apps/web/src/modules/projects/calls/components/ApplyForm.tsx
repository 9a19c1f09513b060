import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import type { ApplicationCreate, CallDetail } from "@sanshe/contracts";
import { Button, Card, Col, Flex, Form, Input, InputNumber, Row, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { showFieldErrors } from "../../../../ui/fieldErrors";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../../ui/useIdempotencyKey";
import { formatFen, yuanToFen } from "../../money";
import { useApply } from "../api";

type Values = {
  title: string;
  objectives: string;
  activities: string;
  beneficiaries: string;
  beneficiary_count: number | null;
  kpis: Array<{ name: string; target: number | null; unit: string }>;
  budget_lines: Array<{ item: string; amount_yuan: number | null }>;
};

const fields = ["title", "objectives", "activities", "beneficiaries", "beneficiary_count", "kpis", "budget_lines"] as const;

/** 项目申报: an organization's application — objectives, activities, beneficiaries, KPIs and budget lines in 元 (their total is requested). */
export function ApplyForm({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const apply = useApply(call.id);
  const idempotency = useIdempotencyKey();
  const lines = Form.useWatch("budget_lines", form) ?? [];
  const totalFen = lines.reduce((sum, line) => sum + yuanToFen(Number(line?.amount_yuan) || 0), 0);
  const isOverCap = totalFen > call.project_cap_fen;

  const submit = (values: Values) => {
    const budgetLines = values.budget_lines.map((line) => ({ item: line.item.trim(), amount_fen: yuanToFen(line.amount_yuan ?? 0) }));
    const body: ApplicationCreate = {
      title: values.title.trim(),
      objectives: values.objectives.trim(),
      activities: values.activities.trim(),
      beneficiaries: values.beneficiaries.trim(),
      beneficiary_count: values.beneficiary_count ?? 0,
      kpis: values.kpis.map((kpi) => ({ name: kpi.name.trim(), target: kpi.target ?? 0, unit: kpi.unit.trim() })),
      budget_lines: budgetLines,
      requested_fen: budgetLines.reduce((sum, line) => sum + line.amount_fen, 0),
    };
    apply.mutate(
      { ...body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: () => {
          idempotency.reset();
          form.resetFields();
        },
        onError: (error) => showFieldErrors(form, error, fields),
      },
    );
  };

  return (
    <Card title={t("calls.apply.title")}>
      <Form<Values>
        name="apply-form"
        form={form}
        layout="vertical"
        initialValues={{ kpis: [{ name: "", target: null, unit: "" }], budget_lines: [{ item: "", amount_yuan: null }] }}
        onFinish={submit}
      >
        <Form.Item name="title" label={t("calls.apply.projectTitle")} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="objectives" label={t("calls.apply.objectives")} rules={[{ required: true, whitespace: true, max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item name="activities" label={t("calls.apply.activities")} rules={[{ required: true, whitespace: true, max: 10000 }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item
              name="beneficiaries"
              label={t("calls.apply.beneficiaries")}
              rules={[{ required: true, whitespace: true, max: 2000 }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="beneficiary_count" label={t("calls.apply.beneficiaryCount")} rules={[{ required: true }]}>
              <InputNumber<number> min={0} max={10_000_000} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <RowsField
          name="kpis"
          label={t("calls.apply.kpis")}
          requiredMessage={t("calls.apply.kpiRequired")}
          addLabel={t("calls.apply.addKpi")}
          emptyRow={{ name: "", target: null, unit: "" }}
          maxRows={20}
          renderRow={(rowName, n) => (
            <>
              <Form.Item name={[rowName, "name"]} noStyle rules={[{ required: true, whitespace: true, max: 100 }]}>
                <Input
                  aria-label={t("calls.apply.kpiName", { n })}
                  placeholder={t("calls.apply.kpiNamePlaceholder")}
                  style={{ width: 240 }}
                />
              </Form.Item>
              <Form.Item name={[rowName, "target"]} noStyle rules={[{ required: true }]}>
                <InputNumber<number>
                  aria-label={t("calls.apply.kpiTarget", { n })}
                  placeholder={t("calls.apply.kpiTargetPlaceholder")}
                  min={0}
                  style={{ width: 140 }}
                />
              </Form.Item>
              <Form.Item name={[rowName, "unit"]} noStyle rules={[{ required: true, whitespace: true, max: 20 }]}>
                <Input
                  aria-label={t("calls.apply.kpiUnit", { n })}
                  placeholder={t("calls.apply.kpiUnitPlaceholder")}
                  style={{ width: 100 }}
                />
              </Form.Item>
            </>
          )}
        />
        <RowsField
          name="budget_lines"
          label={t("calls.apply.budget")}
          requiredMessage={t("calls.apply.budgetRequired")}
          addLabel={t("calls.apply.addBudgetLine")}
          emptyRow={{ item: "", amount_yuan: null }}
          maxRows={100}
          renderRow={(rowName, n) => (
            <>
              <Form.Item name={[rowName, "item"]} noStyle rules={[{ required: true, whitespace: true, max: 200 }]}>
                <Input
                  aria-label={t("calls.apply.budgetItem", { n })}
                  placeholder={t("calls.apply.budgetItemPlaceholder")}
                  style={{ width: 280 }}
                />
              </Form.Item>
              <Form.Item name={[rowName, "amount_yuan"]} noStyle rules={[{ required: true }, { type: "number", min: 0.01 }]}>
                <InputNumber<number>
                  aria-label={t("calls.apply.budgetAmount", { n })}
                  placeholder={t("calls.apply.budgetAmountPlaceholder")}
                  min={0}
                  precision={2}
                  suffix="元"
                  style={{ width: 200 }}
                />
              </Form.Item>
            </>
          )}
        />
        <Typography.Paragraph type={isOverCap ? "danger" : undefined} aria-live="polite">
          {t("calls.apply.total", { total: formatFen(totalFen), cap: formatFen(call.project_cap_fen) })}
          {isOverCap ? ` ${t("calls.apply.overCap")}` : ""}
        </Typography.Paragraph>
        {call.required_documents.length > 0 ? (
          <Typography.Paragraph type="secondary">{t("calls.apply.documentsAfter")}</Typography.Paragraph>
        ) : null}
        {apply.isError ? <ProblemAlert error={apply.error} style={{ marginBottom: 16 }} /> : null}
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={apply.isPending} disabled={isOverCap}>
            {t("calls.apply.submit")}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

type RowsFieldProps = {
  name: string;
  label: string;
  /** Shown when no row is left. */
  requiredMessage: string;
  addLabel: string;
  /** Values of a row added by the add button. */
  emptyRow: object;
  maxRows: number;
  /** The fields of one row (`rowName` is its name in the list, `n` its 1-based number). */
  renderRow: (rowName: number, n: number) => ReactNode;
};

/** A required list of rows of the application (KPIs, budget lines), each removable, with an add button. */
function RowsField({ name, label, requiredMessage, addLabel, emptyRow, maxRows, renderRow }: RowsFieldProps) {
  const { t } = useTranslation();
  return (
    <Form.List
      name={name}
      rules={[{ validator: async (_r, rows: unknown[]) => (rows?.length ? undefined : Promise.reject(new Error(requiredMessage))) }]}
    >
      {(rows, { add, remove }, { errors }) => (
        <Form.Item label={label} required>
          {rows.map((row, index) => (
            <Space key={row.key} align="start" wrap style={{ display: "flex", marginBottom: 8 }}>
              {renderRow(row.name, index + 1)}
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                aria-label={t("calls.apply.removeRow", { n: index + 1 })}
                onClick={() => remove(row.name)}
              />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add(emptyRow)} disabled={rows.length >= maxRows}>
            {addLabel}
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}
