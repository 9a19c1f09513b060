import type { CallSuggestion } from "@sanshe/contracts";
import { Alert, Button, Flex, Form, Popconfirm, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { showFieldErrors } from "../../../../ui/fieldErrors";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { formatFen } from "../../money";
import { formFields, sum, type CallFormValues } from "./callFormValues";
import { CallContentSection } from "./CallContentSection";
import { CallDeadlineSection } from "./CallDeadlineSection";
import { CallEligibilitySection } from "./CallEligibilitySection";
import { CallMoneySection } from "./CallMoneySection";
import { CallPanelSection } from "./CallPanelSection";
import { CallRubricSection } from "./CallRubricSection";
import { CallWeightsSection } from "./CallWeightsSection";
import { useCallFormOptions } from "./useCallFormOptions";

type CallFormProps = {
  initialValues: CallFormValues;
  /** Where the purchaser's area is picked in the area tree: the area the user manages, the call's own when editing. */
  areaRoot: string | undefined;
  isEditing: boolean;
  suggestion: CallSuggestion | undefined;
  /** Names of the reviewers already on the panel (an edited draft). */
  knownReviewers: { user_id: string; display_name: string }[];
  isSaving: boolean;
  error: unknown;
  onSubmit: (values: CallFormValues, publish: boolean) => void;
};

/** 征集表单: what the purchaser publishes — content, needs answered, money, eligibility, deadline, rubric, weights, panel. */
export function CallForm({ initialValues, areaRoot, isEditing, suggestion, knownReviewers, isSaving, error, onSubmit }: CallFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CallFormValues>();
  const [publishing, setPublishing] = useState(false);
  const area = Form.useWatch("area_code", form) ?? initialValues.area_code;
  const criteria = Form.useWatch("criteria", form) ?? initialValues.criteria;
  const weights = Form.useWatch("evaluation_weights", form) ?? initialValues.evaluation_weights;
  const rubricSum = sum(criteria.map((c) => c?.weight));
  const weightSum = sum([weights.purchaser, weights.beneficiaries, weights.third_party]);
  const options = useCallFormOptions({ area, suggestion, knownReviewers });

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
    <Form<CallFormValues>
      name="call-form"
      form={form}
      layout="vertical"
      initialValues={initialValues}
      scrollToFirstError
      // Target areas lie inside the call's area: a newly picked area starts them over from itself.
      onValuesChange={(changed: Partial<CallFormValues>) => {
        if (changed.area_code) {
          form.setFieldValue("target_area_codes", [changed.area_code]);
        }
      }}
    >
      <Flex vertical gap={16}>
        {suggestion ? (
          <Alert
            type="info"
            showIcon
            title={t("calls.form.suggested", { count: sum(suggestion.categories.map((c) => c.count)) })}
            description={suggestion.categories.map((c) => `${c.name}：${c.count}`).join("；") || t("calls.form.noUnmetNeeds")}
          />
        ) : null}
        <CallContentSection areaRoot={areaRoot} isEditing={isEditing} options={options} />
        <CallMoneySection />
        <CallEligibilitySection />
        <CallDeadlineSection />
        <CallRubricSection rubricSum={rubricSum} />
        <CallWeightsSection weightSum={weightSum} />
        <CallPanelSection options={options} />
        {error ? <ProblemAlert error={error} /> : null}
        <Flex gap={8} wrap>
          <Button onClick={() => submit(false)} loading={isSaving && !publishing}>
            {t("calls.form.saveDraft")}
          </Button>
          <Popconfirm
            title={t("calls.detail.publishConfirm")}
            description={t("calls.detail.publishConsequence")}
            okText={t("calls.form.saveAndPublish")}
            cancelText={t("calls.detail.keep")}
            onConfirm={() => submit(true)}
          >
            <Button type="primary" loading={isSaving && publishing}>
              {t("calls.form.saveAndPublish")}
            </Button>
          </Popconfirm>
          <Typography.Text type="secondary" style={{ alignSelf: "center" }}>
            {t("calls.form.moneyHint", { example: formatFen(123456) })}
          </Typography.Text>
        </Flex>
      </Flex>
    </Form>
  );
}
