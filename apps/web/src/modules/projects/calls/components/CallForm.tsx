import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import type { CallCreate, CallDetail, CallSuggestion, Membership } from "@sanshe/contracts";
import { CallModeSchema, SocialOrgCategorySchema, SocialOrgGradeSchema } from "@sanshe/contracts";
import { useQueries } from "@tanstack/react-query";
import type { Area } from "@sanshe/contracts";
import { Alert, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiRequest } from "../../../../ui/api";
import { showFieldErrors } from "../../../../ui/fieldErrors";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { fenToYuan, formatFen, yuanToFen } from "../../money";
import { useAreaChildren, useNeedCategoryList, useReviewerCandidates } from "../api";
import { beijingFields, beijingInstant } from "../deadline";

/** Document types offered in the form; any other code matching the server's pattern may be typed. */
export const KNOWN_DOC_TYPES = ["plan", "budget", "registration_certificate", "annual_report", "qualification", "references"] as const;
const DOC_TYPE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

type CriterionValues = { name: string; description?: string | null; weight: number | null };
export type CallFormValues = {
  area_code: string;
  purchaser_name: string;
  mode: CallCreate["mode"];
  title: string;
  description: string;
  need_categories: string[];
  target_area_codes: string[];
  total_budget_yuan: number | null;
  project_cap_yuan: number | null;
  min_org_grade: CallCreate["min_org_grade"] | undefined;
  eligible_org_categories: CallCreate["eligible_org_categories"];
  require_local_presence: boolean;
  deadline_date: string;
  deadline_time: string;
  required_documents: string[];
  criteria: CriterionValues[];
  evaluation_weights: { purchaser: number | null; beneficiaries: number | null; third_party: number | null };
  reviewer_ids: string[];
};

const formFields = [
  "area_code",
  "purchaser_name",
  "mode",
  "title",
  "description",
  "need_categories",
  "target_area_codes",
  "min_org_grade",
  "eligible_org_categories",
  "require_local_presence",
  "required_documents",
  "criteria",
  "evaluation_weights",
  "reviewer_ids",
] as const;

/** The payload's fields (without area_code) from the form's values: 元 → fen, Beijing date and time → an instant. */
export function toCallData(values: CallFormValues): Omit<CallCreate, "area_code"> {
  const weights = values.evaluation_weights;
  return {
    purchaser_name: values.purchaser_name.trim(),
    mode: values.mode,
    title: values.title.trim(),
    description: values.description.trim(),
    need_categories: values.need_categories,
    target_area_codes: values.target_area_codes,
    total_budget_fen: yuanToFen(values.total_budget_yuan ?? 0),
    project_cap_fen: yuanToFen(values.project_cap_yuan ?? 0),
    min_org_grade: values.min_org_grade ?? null,
    eligible_org_categories: values.eligible_org_categories,
    require_local_presence: values.require_local_presence,
    required_documents: values.required_documents,
    submission_deadline: beijingInstant(values.deadline_date, values.deadline_time),
    criteria: values.criteria.map((c) => ({
      name: c.name.trim(),
      description: c.description?.trim() ? c.description.trim() : null,
      weight: c.weight ?? 0,
    })),
    reviewer_ids: values.reviewer_ids,
    evaluation_weights: {
      purchaser: weights.purchaser ?? 0,
      beneficiaries: weights.beneficiaries ?? 0,
      third_party: weights.third_party ?? 0,
    },
  };
}

/** The form's starting values: an existing draft, else a suggestion from needs, else sensible defaults. */
export function initialCallValues(
  t: (key: string) => string,
  area: Membership | { area_code: string; area_name: string } | undefined,
  call: CallDetail | undefined,
  suggestion: CallSuggestion | undefined,
  now: number,
): CallFormValues {
  if (call) {
    const deadline = beijingFields(call.submission_deadline);
    return {
      area_code: call.area_code,
      purchaser_name: call.purchaser_name,
      mode: call.mode,
      title: call.title,
      description: call.description,
      need_categories: call.need_categories,
      target_area_codes: call.target_area_codes,
      total_budget_yuan: fenToYuan(call.total_budget_fen),
      project_cap_yuan: fenToYuan(call.project_cap_fen),
      min_org_grade: call.min_org_grade ?? undefined,
      eligible_org_categories: call.eligible_org_categories,
      require_local_presence: call.require_local_presence,
      deadline_date: deadline.date,
      deadline_time: deadline.time,
      required_documents: call.required_documents,
      criteria: call.criteria.map((c) => ({ name: c.name, description: c.description, weight: c.weight })),
      evaluation_weights: call.evaluation_weights,
      reviewer_ids: call.reviewers.map((r) => r.user_id),
    };
  }
  const deadline = beijingFields(new Date(now + 14 * 86_400_000).toISOString());
  return {
    area_code: suggestion?.draft.area_code ?? area?.area_code ?? "",
    purchaser_name: area?.area_name ?? "",
    mode: "commissioned",
    title: suggestion?.draft.title ?? "",
    description: suggestion?.draft.description ?? "",
    need_categories: suggestion?.draft.need_categories ?? [],
    target_area_codes: suggestion?.draft.target_area_codes ?? (area ? [area.area_code] : []),
    total_budget_yuan: null,
    project_cap_yuan: null,
    min_org_grade: undefined,
    eligible_org_categories: [],
    require_local_presence: false,
    deadline_date: deadline.date,
    deadline_time: "17:00:00",
    required_documents: ["plan"],
    criteria: [
      { name: t("calls.form.defaultCriteria.fit"), weight: 40 },
      { name: t("calls.form.defaultCriteria.capacity"), weight: 35 },
      { name: t("calls.form.defaultCriteria.budget"), weight: 25 },
    ],
    evaluation_weights: { purchaser: 40, beneficiaries: 30, third_party: 30 },
    reviewer_ids: [],
  };
}

type CallFormProps = {
  initialValues: CallFormValues;
  /** Purchaser areas the user may draft in; one fixed area when editing. */
  areaOptions: { value: string; label: string }[];
  isEditing: boolean;
  suggestion: CallSuggestion | undefined;
  /** Names of the reviewers already on the panel (an edited draft). */
  knownReviewers: { user_id: string; display_name: string }[];
  isSaving: boolean;
  error: unknown;
  onSubmit: (values: CallFormValues, publish: boolean) => void;
};

const sum = (values: Array<number | null | undefined>) => values.reduce<number>((total, v) => total + (Number(v) || 0), 0);

/** 征集表单: what the purchaser publishes — content, needs answered, money, eligibility, deadline, rubric, weights, panel. */
export function CallForm({ initialValues, areaOptions, isEditing, suggestion, knownReviewers, isSaving, error, onSubmit }: CallFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CallFormValues>();
  const [publishing, setPublishing] = useState(false);
  const area = Form.useWatch("area_code", form) ?? initialValues.area_code;
  const criteria = Form.useWatch("criteria", form) ?? initialValues.criteria;
  const weights = Form.useWatch("evaluation_weights", form) ?? initialValues.evaluation_weights;
  const targets = Form.useWatch("target_area_codes", form) ?? initialValues.target_area_codes;
  const rubricSum = sum(criteria.map((c) => c?.weight));
  const weightSum = sum([weights.purchaser, weights.beneficiaries, weights.third_party]);
  const [reviewerSearch, setReviewerSearch] = useState("");
  const candidates = useReviewerCandidates(area, reviewerSearch);
  const categories = useNeedCategoryList();
  const children = useAreaChildren(area);
  const counts = new Map((suggestion?.categories ?? []).map((c) => [c.code, c.count]));
  const areaCounts = new Map((suggestion?.areas ?? []).map((a) => [a.area_code, a.count]));
  const knownAreas = new Map<string, string>();
  for (const option of areaOptions) {
    knownAreas.set(option.value, option.label);
  }
  for (const child of children.data?.items ?? []) {
    knownAreas.set(child.code, child.name);
  }
  const unknown = targets.filter((code) => !knownAreas.has(code));
  const named = useQueries({
    queries: unknown.map((code) => ({
      queryKey: ["areas", "one", code],
      queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<Area>(`/areas/${encodeURIComponent(code)}`, { signal }),
      staleTime: 10 * 60_000,
    })),
  });
  for (const result of named) {
    if (result.data) {
      knownAreas.set(result.data.code, result.data.name);
    }
  }
  const targetCodes = [...new Set([area, ...(children.data?.items ?? []).map((c) => c.code), ...targets].filter(Boolean))];
  const reviewerOptions = new Map<string, string>();
  for (const reviewer of knownReviewers) {
    reviewerOptions.set(reviewer.user_id, reviewer.display_name);
  }
  for (const candidate of candidates.data?.items ?? []) {
    reviewerOptions.set(
      candidate.user_id,
      `${candidate.display_name}（${t(`calls.roles.${candidate.role}`, { defaultValue: candidate.role })} · ${candidate.area_name ?? candidate.area_code}）`,
    );
  }

  const submit = (publish: boolean) => {
    setPublishing(publish);
    void form
      .validateFields()
      .then((values) => onSubmit(values, publish))
      .catch(() => undefined);
  };

  useEffect(() => {
    if (error) {
      showFieldErrors(form, error, formFields, isEditing ? ["data"] : []);
    }
  }, [error, form, isEditing]);

  return (
    <Form<CallFormValues> name="call-form" form={form} layout="vertical" initialValues={initialValues} scrollToFirstError>
      <Flex vertical gap={16}>
        {suggestion ? (
          <Alert
            type="info"
            showIcon
            title={t("calls.form.suggested", { count: sum(suggestion.categories.map((c) => c.count)) })}
            description={suggestion.categories.map((c) => `${c.name}：${c.count}`).join("；") || t("calls.form.noUnmetNeeds")}
          />
        ) : null}
        <Card title={t("calls.form.sections.content")}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="area_code" label={t("calls.fields.area")} rules={[{ required: true }]}>
                <Select options={areaOptions} disabled={isEditing || areaOptions.length <= 1} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="purchaser_name" label={t("calls.fields.purchaser")} rules={[{ required: true, whitespace: true, max: 100 }]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="mode" label={t("calls.fields.mode")} rules={[{ required: true }]}>
            <Select options={CallModeSchema.options.map((value) => ({ value, label: t(`calls.mode.${value}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t("calls.fields.title")} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t("calls.fields.description")} rules={[{ required: true, whitespace: true, max: 10000 }]}>
            <Input.TextArea autoSize={{ minRows: 4 }} />
          </Form.Item>
          <Form.Item name="need_categories" label={t("calls.fields.needCategories")} extra={t("calls.form.categoryCountHint")}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: "label" }}
              loading={categories.isPending}
              options={(categories.data?.items ?? []).map((c) => ({
                value: c.code,
                label: counts.has(c.code) ? `${c.name}（${t("calls.form.needCount", { count: counts.get(c.code) ?? 0 })}）` : c.name,
              }))}
            />
          </Form.Item>
          <Form.Item name="target_area_codes" label={t("calls.fields.targetAreas")} rules={[{ required: true, type: "array", min: 1 }]}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: "label" }}
              options={targetCodes.map((code) => ({
                value: code,
                label: `${knownAreas.get(code) ?? code}${areaCounts.has(code) ? `（${t("calls.form.needCount", { count: areaCounts.get(code) ?? 0 })}）` : ""}`,
              }))}
            />
          </Form.Item>
        </Card>

        <Card title={t("calls.form.sections.money")}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="total_budget_yuan"
                label={t("calls.form.totalBudgetYuan")}
                rules={[{ required: true }, { type: "number", min: 0.01, message: t("calls.form.positive") }]}
              >
                <InputNumber<number> min={0} precision={2} step={1000} style={{ width: "100%" }} suffix="元" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="project_cap_yuan"
                label={t("calls.form.projectCapYuan")}
                dependencies={["total_budget_yuan"]}
                rules={[
                  { required: true },
                  { type: "number", min: 0.01, message: t("calls.form.positive") },
                  ({ getFieldValue }) => ({
                    validator: (_rule, value: number | null) => {
                      const total = getFieldValue("total_budget_yuan") as number | null;
                      return value !== null && total !== null && value > total
                        ? Promise.reject(new Error(t("calls.form.capOverTotal")))
                        : Promise.resolve();
                    },
                  }),
                ]}
              >
                <InputNumber<number> min={0} precision={2} step={1000} style={{ width: "100%" }} suffix="元" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t("calls.form.sections.eligibility")}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="min_org_grade" label={t("calls.fields.minGrade")}>
                <Select
                  allowClear
                  placeholder={t("calls.form.anyGrade")}
                  options={SocialOrgGradeSchema.options.map((value) => ({ value, label: value }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="eligible_org_categories" label={t("calls.fields.orgCategories")} extra={t("calls.form.allCategories")}>
                <Select
                  mode="multiple"
                  options={SocialOrgCategorySchema.options.map((value) => ({ value, label: t(`calls.orgCategory.${value}`) }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="require_local_presence" valuePropName="checked">
            <Checkbox>{t("calls.fields.localPresence")}</Checkbox>
          </Form.Item>
          <Form.Item
            name="required_documents"
            label={t("calls.fields.requiredDocuments")}
            extra={t("calls.form.docTypeHint")}
            rules={[
              {
                validator: (_rule, value: string[] | undefined) =>
                  (value ?? []).every((code) => DOC_TYPE_PATTERN.test(code))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("calls.form.docTypeInvalid"))),
              },
            ]}
          >
            <Select
              mode="tags"
              options={KNOWN_DOC_TYPES.map((value) => ({ value, label: t(`calls.docType.${value}`) }))}
              tokenSeparators={[",", " "]}
            />
          </Form.Item>
        </Card>

        <Card title={t("calls.form.sections.deadline")}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="deadline_date" label={t("calls.form.deadlineDate")} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="deadline_time"
                label={t("calls.form.deadlineTime")}
                rules={[{ required: true }]}
                extra={t("calls.form.beijingTime")}
              >
                <Input type="time" step={1} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card
          title={t("calls.form.sections.rubric")}
          extra={
            <Typography.Text type={rubricSum === 100 ? "success" : "danger"} data-testid="rubric-sum" aria-live="polite">
              {t("calls.form.weightSum", { sum: rubricSum })}
            </Typography.Text>
          }
        >
          <Form.List
            name="criteria"
            rules={[
              {
                validator: async (_rule, rows: CriterionValues[] | undefined) => {
                  if (!rows || rows.length === 0) {
                    throw new Error(t("calls.form.rubricEmpty"));
                  }
                  if (sum(rows.map((r) => r?.weight)) !== 100) {
                    throw new Error(t("calls.form.mustBe100"));
                  }
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="start" wrap style={{ display: "flex", marginBottom: 8 }}>
                    <Form.Item name={[field.name, "name"]} rules={[{ required: true, whitespace: true, max: 100 }]} noStyle>
                      <Input
                        aria-label={t("calls.form.criterionName", { n: index + 1 })}
                        placeholder={t("calls.form.criterion")}
                        style={{ width: 220 }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, "description"]} noStyle>
                      <Input
                        aria-label={t("calls.form.criterionDescription", { n: index + 1 })}
                        placeholder={t("calls.form.criterionDescriptionPlaceholder")}
                        style={{ width: 320 }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, "weight"]} rules={[{ required: true }]} noStyle>
                      <InputNumber<number>
                        aria-label={t("calls.form.criterionWeight", { n: index + 1 })}
                        min={1}
                        max={100}
                        precision={0}
                        suffix="%"
                        style={{ width: 130 }}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t("calls.form.removeCriterion", { n: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: "", weight: null })} disabled={fields.length >= 20}>
                  {t("calls.form.addCriterion")}
                </Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </Card>

        <Card
          title={t("calls.form.sections.weights")}
          extra={
            <Typography.Text type={weightSum === 100 ? "success" : "danger"} aria-live="polite">
              {t("calls.form.weightSum", { sum: weightSum })}
            </Typography.Text>
          }
        >
          <Row gutter={16}>
            {(["purchaser", "beneficiaries", "third_party"] as const).map((key) => (
              <Col xs={24} md={8} key={key}>
                <Form.Item
                  name={["evaluation_weights", key]}
                  label={t(`calls.weights.${key}`)}
                  dependencies={[
                    ["evaluation_weights", "purchaser"],
                    ["evaluation_weights", "beneficiaries"],
                    ["evaluation_weights", "third_party"],
                  ]}
                  rules={[
                    { required: true },
                    ({ getFieldValue }) => ({
                      validator: () =>
                        sum([
                          getFieldValue(["evaluation_weights", "purchaser"]) as number,
                          getFieldValue(["evaluation_weights", "beneficiaries"]) as number,
                          getFieldValue(["evaluation_weights", "third_party"]) as number,
                        ]) === 100
                          ? Promise.resolve()
                          : Promise.reject(new Error(t("calls.form.mustBe100"))),
                    }),
                  ]}
                >
                  <InputNumber<number> min={0} max={100} precision={0} suffix="%" style={{ width: "100%" }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>

        <Card title={t("calls.form.sections.panel")}>
          <Form.Item name="reviewer_ids" label={t("calls.fields.reviewers")} extra={t("calls.form.panelHint")}>
            <Select
              mode="multiple"
              showSearch={{ filterOption: false, onSearch: setReviewerSearch }}
              onBlur={() => setReviewerSearch("")}
              loading={candidates.isFetching}
              notFoundContent={candidates.isError ? t("calls.form.candidatesError") : t("calls.form.noCandidates")}
              options={[...reviewerOptions].map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          {candidates.isError ? <ProblemAlert error={candidates.error} /> : null}
        </Card>

        {error ? <ProblemAlert error={error} /> : null}
        <Flex gap={8} wrap>
          <Button onClick={() => submit(false)} loading={isSaving && !publishing}>
            {t("calls.form.saveDraft")}
          </Button>
          <Button type="primary" onClick={() => submit(true)} loading={isSaving && publishing}>
            {t("calls.form.saveAndPublish")}
          </Button>
          <Typography.Text type="secondary" style={{ alignSelf: "center" }}>
            {t("calls.form.moneyHint", { example: formatFen(123456) })}
          </Typography.Text>
        </Flex>
      </Flex>
    </Form>
  );
}
