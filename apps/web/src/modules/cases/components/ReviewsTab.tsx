import type { Case, CaseReview, CaseReviewDecision } from "@sanshe/contracts";
import { CaseReviewDecisionSchema } from "@sanshe/contracts";
import { Button, Empty, Flex, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { useAddReview } from "../api";
import { MutationError, today } from "./caseForm";
import { SummaryTable } from "../../../ui/SummaryTable";

type ReviewValues = { date: string; progress: string; decision: CaseReviewDecision };

/** Reviews and a form to add one at the review stage ("continue" sends the case back to service). */
export function ReviewsTab({ file, canWrite }: { file: Case; canWrite: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReviewValues>();
  const add = useAddReview(file.id);
  const editable = canWrite && file.status === "review";
  return (
    <>
      <SummaryTable<CaseReview>
        rowKey="id"
        dataSource={file.reviews}
        locale={{ emptyText: <Empty description={t("cases.empty.reviews")} /> }}
        columns={[
          { key: "date", title: t("cases.fields.date"), dataIndex: "date", width: 120 },
          {
            key: "decision",
            title: t("cases.fields.decision"),
            width: 110,
            render: (_value, review) => t(`cases.decision.${review.decision}`),
          },
          { key: "progress", title: t("cases.fields.progress"), dataIndex: "progress" },
        ]}
      />
      {editable ? (
        <Form<ReviewValues>
          name="case-review-form"
          form={form}
          layout="vertical"
          style={{ marginTop: 16, maxWidth: 560 }}
          initialValues={{ date: today(), decision: "continue" }}
          onFinish={(values) =>
            add.mutate(
              { date: values.date, progress: values.progress.trim(), decision: values.decision },
              {
                onSuccess: () => form.resetFields(),
                onError: (error) => showFieldErrors(form, error, ["date", "progress", "decision"]),
              },
            )
          }
        >
          <MutationError error={add.error} />
          <Flex gap={16} wrap>
            <Form.Item name="date" label={t("cases.fields.date")} rules={[{ required: true, message: t("cases.form.required") }]}>
              <Input type="date" max={today()} />
            </Form.Item>
            <Form.Item name="decision" label={t("cases.fields.decision")}>
              <Select
                style={{ width: 140 }}
                options={CaseReviewDecisionSchema.options.map((value) => ({ value, label: t(`cases.decision.${value}`) }))}
              />
            </Form.Item>
          </Flex>
          <Form.Item
            name="progress"
            label={t("cases.fields.progress")}
            rules={[{ required: true, whitespace: true, message: t("cases.form.required") }]}
          >
            <Input.TextArea rows={3} maxLength={8000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t("cases.form.addReview")}
          </Button>
        </Form>
      ) : null}
    </>
  );
}
