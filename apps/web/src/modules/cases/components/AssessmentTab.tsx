import type { Case, CaseRiskLevel } from "@sanshe/contracts";
import { CaseRiskLevelSchema, caseTransitions } from "@sanshe/contracts";
import { App, Button, Descriptions, Flex, Form, Input, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { useUpdateCase } from "../api";
import { blankToNull, MutationError } from "./caseForm";
import { RiskTag } from "./StatusTags";

type AssessmentValues = { presenting_problem: string; needs?: string; risks?: string; risk_level: CaseRiskLevel };

/** Intake assessment, its edit form and the stage buttons (owner only). */
export function AssessmentTab({ file, canWrite }: { file: Case; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssessmentValues>();
  const update = useUpdateCase(file.id);
  const editable = canWrite && file.status !== "closed";
  const nextStages = caseTransitions[file.status].filter((status) => status !== "closed");
  return (
    <>
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("cases.fields.presentingProblem")}>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{file.presenting_problem}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t("cases.fields.needs")}>{file.needs ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("cases.fields.risks")}>{file.risks ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("cases.fields.risk")}>
          <RiskTag level={file.risk_level} />
        </Descriptions.Item>
      </Descriptions>
      {editable ? (
        <>
          <MutationError error={update.error} />
          <Flex gap={8} style={{ marginBottom: 16 }} wrap>
            {nextStages.map((status) => (
              <Button
                key={status}
                type="primary"
                loading={update.isPending}
                onClick={() => update.mutate({ version: file.version, data: { status } })}
              >
                {status === "in_service" && file.status === "review"
                  ? t("cases.form.backToService")
                  : t("cases.form.next", { status: t(`cases.status.${status}`) })}
              </Button>
            ))}
          </Flex>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t("cases.form.edit")}
          </Typography.Title>
          <Form<AssessmentValues>
            key={file.version}
            name="case-assessment-form"
            form={form}
            layout="vertical"
            initialValues={{
              presenting_problem: file.presenting_problem,
              needs: file.needs ?? undefined,
              risks: file.risks ?? undefined,
              risk_level: file.risk_level,
            }}
            onFinish={(values) =>
              update.mutate(
                {
                  version: file.version,
                  data: {
                    presenting_problem: values.presenting_problem.trim(),
                    needs: blankToNull(values.needs),
                    risks: blankToNull(values.risks),
                    risk_level: values.risk_level,
                  },
                },
                {
                  onSuccess: () => void message.success(t("cases.form.saved")),
                  onError: (error) => showFieldErrors(form, error, ["presenting_problem", "needs", "risks", "risk_level"], ["data"]),
                },
              )
            }
          >
            <Form.Item
              name="presenting_problem"
              label={t("cases.fields.presentingProblem")}
              rules={[{ required: true, whitespace: true, message: t("cases.form.required") }]}
            >
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
            <Form.Item name="needs" label={t("cases.fields.needs")}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
            <Form.Item name="risks" label={t("cases.fields.risks")}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
            <Form.Item name="risk_level" label={t("cases.fields.risk")}>
              <Select
                style={{ width: 160 }}
                options={CaseRiskLevelSchema.options.map((value) => ({ value, label: t(`cases.risk.${value}`) }))}
              />
            </Form.Item>
            <Button htmlType="submit" loading={update.isPending}>
              {t("cases.form.save")}
            </Button>
          </Form>
        </>
      ) : null}
    </>
  );
}
