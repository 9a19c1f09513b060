import type { Case, CaseSession, CaseSessionKind } from "@sanshe/contracts";
import { CaseSessionKindSchema } from "@sanshe/contracts";
import { Button, Empty, Flex, Form, Input, InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { useAddSession } from "../api";
import { MutationError, today } from "./caseForm";
import { SummaryTable } from "../../../ui/SummaryTable";

type SessionValues = { date: string; minutes: number; kind: CaseSessionKind; notes: string };

/** Sessions (service records) and a form to add one while the case is in service or under review. */
export function SessionsTab({ file, canWrite }: { file: Case; canWrite: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SessionValues>();
  const add = useAddSession(file.id);
  const editable = canWrite && (file.status === "in_service" || file.status === "review");
  return (
    <>
      <SummaryTable<CaseSession>
        rowKey="id"
        dataSource={file.sessions}
        locale={{ emptyText: <Empty description={t("cases.empty.sessions")} /> }}
        columns={[
          { key: "date", title: t("cases.fields.date"), dataIndex: "date", width: 120 },
          { key: "kind", title: t("cases.fields.kind"), width: 100, render: (_value, session) => t(`cases.kind.${session.kind}`) },
          { key: "minutes", title: t("cases.fields.minutes"), dataIndex: "minutes", width: 110 },
          { key: "notes", title: t("cases.fields.notes"), dataIndex: "notes" },
        ]}
      />
      {editable ? (
        <Form<SessionValues>
          name="case-session-form"
          form={form}
          layout="vertical"
          style={{ marginTop: 16, maxWidth: 560 }}
          initialValues={{ date: today(), minutes: 60, kind: "home_visit" }}
          onFinish={(values) =>
            add.mutate(
              { date: values.date, minutes: values.minutes, kind: values.kind, notes: values.notes.trim() },
              {
                onSuccess: () => form.resetFields(),
                onError: (error) => showFieldErrors(form, error, ["date", "minutes", "kind", "notes"]),
              },
            )
          }
        >
          <MutationError error={add.error} />
          <Flex gap={16} wrap>
            <Form.Item name="date" label={t("cases.fields.date")} rules={[{ required: true, message: t("cases.form.required") }]}>
              <Input type="date" max={today()} />
            </Form.Item>
            <Form.Item name="minutes" label={t("cases.fields.minutes")} rules={[{ required: true, message: t("cases.form.required") }]}>
              <InputNumber min={1} max={1440} precision={0} />
            </Form.Item>
            <Form.Item name="kind" label={t("cases.fields.kind")}>
              <Select
                style={{ width: 140 }}
                options={CaseSessionKindSchema.options.map((value) => ({ value, label: t(`cases.kind.${value}`) }))}
              />
            </Form.Item>
          </Flex>
          <Form.Item
            name="notes"
            label={t("cases.fields.notes")}
            rules={[{ required: true, whitespace: true, message: t("cases.form.required") }]}
          >
            <Input.TextArea rows={3} maxLength={8000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t("cases.form.addSession")}
          </Button>
        </Form>
      ) : null}
    </>
  );
}
