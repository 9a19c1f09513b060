import type { Case, CaseGoal } from "@sanshe/contracts";
import { CaseGoalStatusSchema } from "@sanshe/contracts";
import { Button, Empty, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { useAddGoal, useUpdateGoal } from "../api";
import { blankToNull, MutationError } from "./caseForm";
import { SummaryTable } from "../../../ui/SummaryTable";

type GoalValues = { text: string; target_date?: string };

/** The plan: goals with their status, and a form to add one (owner only, not closed). */
export function PlanTab({ file, canWrite }: { file: Case; canWrite: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<GoalValues>();
  const add = useAddGoal(file.id);
  const update = useUpdateGoal(file.id);
  const editable = canWrite && file.status !== "closed";
  return (
    <>
      <MutationError error={update.error ?? add.error} />
      <SummaryTable<CaseGoal>
        rowKey="id"
        dataSource={file.goals}
        locale={{ emptyText: <Empty description={t("cases.empty.goals")} /> }}
        columns={[
          { key: "text", title: t("cases.fields.goal"), dataIndex: "text" },
          { key: "target", title: t("cases.fields.targetDate"), render: (_value, goal) => goal.target_date ?? "—" },
          {
            key: "status",
            title: t("cases.fields.goalStatus"),
            render: (_value, goal) =>
              editable ? (
                <Select
                  size="small"
                  style={{ width: 120 }}
                  value={goal.status}
                  aria-label={t("cases.fields.goalStatus")}
                  options={CaseGoalStatusSchema.options.map((value) => ({ value, label: t(`cases.goalStatus.${value}`) }))}
                  onChange={(status) => update.mutate({ goalId: goal.id, version: goal.version, data: { status } })}
                />
              ) : (
                t(`cases.goalStatus.${goal.status}`)
              ),
          },
        ]}
      />
      {editable ? (
        <Form<GoalValues>
          name="case-goal-form"
          form={form}
          layout="inline"
          style={{ marginTop: 16, rowGap: 8 }}
          onFinish={(values) =>
            add.mutate(
              { text: values.text.trim(), target_date: blankToNull(values.target_date) },
              {
                onSuccess: () => form.resetFields(),
                onError: (error) => showFieldErrors(form, error, ["text", "target_date"]),
              },
            )
          }
        >
          <Form.Item name="text" rules={[{ required: true, whitespace: true, message: t("cases.form.required") }]}>
            <Input placeholder={t("cases.fields.goal")} maxLength={1000} style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="target_date" label={t("cases.fields.targetDate")}>
            <Input type="date" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t("cases.form.addGoal")}
          </Button>
        </Form>
      ) : null}
    </>
  );
}
