import type { Case } from "@sanshe/contracts";
import { Alert, Button, Descriptions, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { useCloseCase } from "../api";
import { MutationError } from "./caseForm";

type CloseValues = { closing_summary: string; reason?: string };

/** The closing summary, or the closing form at the review stage (a reason is needed while goals are open). */
export function ClosingTab({ file, canWrite }: { file: Case; canWrite: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CloseValues>();
  const close = useCloseCase(file.id);
  const openGoals = file.goals.filter((goal) => goal.status === "open").length;
  if (file.status === "closed") {
    return (
      <Descriptions column={1} bordered size="small" title={t("cases.closing.closedOn", { date: file.closed_on ?? "" })}>
        <Descriptions.Item label={t("cases.fields.closingSummary")}>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{file.closing_summary ?? "—"}</Typography.Paragraph>
        </Descriptions.Item>
        {file.closing_reason ? <Descriptions.Item label={t("cases.fields.reason")}>{file.closing_reason}</Descriptions.Item> : null}
      </Descriptions>
    );
  }
  if (file.status !== "review" || !canWrite) {
    return <Alert type="info" showIcon title={t("cases.closing.notYet")} />;
  }
  return (
    <Form<CloseValues>
      name="case-close-form"
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      onFinish={(values) =>
        close.mutate(
          {
            version: file.version,
            closing_summary: values.closing_summary.trim(),
            ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
          },
          { onError: (error) => showFieldErrors(form, error, ["closing_summary", "reason"]) },
        )
      }
    >
      <MutationError error={close.error} />
      {openGoals > 0 ? (
        <Alert type="warning" showIcon title={t("cases.form.openGoalsHint", { count: openGoals })} style={{ marginBottom: 12 }} />
      ) : null}
      <Form.Item
        name="closing_summary"
        label={t("cases.fields.closingSummary")}
        rules={[{ required: true, whitespace: true, message: t("cases.form.required") }]}
      >
        <Input.TextArea rows={4} maxLength={8000} />
      </Form.Item>
      {openGoals > 0 ? (
        <Form.Item
          name="reason"
          label={t("cases.fields.reason")}
          rules={[{ required: true, whitespace: true, message: t("cases.form.required") }]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      ) : null}
      <Button type="primary" danger htmlType="submit" loading={close.isPending}>
        {t("cases.form.close")}
      </Button>
    </Form>
  );
}
