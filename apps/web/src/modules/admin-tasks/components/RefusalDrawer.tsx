import { AdminTaskKindSchema, type AdminTaskKind, type RefusalCreate } from "@sanshe/contracts/admin-tasks";
import { Alert, App, Form, Input, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { FormDrawer } from "../../../ui/FormDrawer";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useDepartments, useRefuse } from "../api";
import { shanghaiToday } from "../format";

type Values = { department_id: string; title: string; kind: AdminTaskKind; received_on: string; note?: string };

type RefusalDrawerProps = { open: boolean; onClose: () => void; community: string | undefined };

/** 登记并拒绝: a demand a department made outside Sanshe, never admitted, recorded and refused in one step. */
export function RefusalDrawer({ open, onClose, community }: RefusalDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [term, setTerm] = useState("");
  const departments = useDepartments({ q: term || undefined, limit: 50 }, open);
  const refuse = useRefuse();
  const idempotency = useIdempotencyKey();

  const submit = (values: Values) => {
    const body: RefusalCreate = {
      department_id: values.department_id,
      ...(community ? { area_code: community } : {}),
      title: values.title.trim(),
      kind: values.kind,
      received_on: values.received_on,
      note: values.note?.trim() || null,
    };
    refuse.mutate(
      { body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: () => {
          idempotency.reset();
          form.resetFields();
          void message.success(t("adminTasks.queue.refused"));
          onClose();
        },
        onError: (error) => {
          showFieldErrors(form, error, ["department_id", "title", "kind", "received_on", "note"]);
        },
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t("adminTasks.queue.registerTitle")}
      size={520}
      cancelLabel={t("adminTasks.common.cancel")}
      submitLabel={t("adminTasks.queue.registerSubmit")}
      isSubmitting={refuse.isPending}
      onSubmit={() => form.submit()}
    >
      <Alert type="info" showIcon title={t("adminTasks.queue.registerHelp")} style={{ marginBottom: 16 }} />
      <Form<Values>
        name="register-refusal"
        form={form}
        layout="vertical"
        initialValues={{ kind: "report", received_on: shanghaiToday() }}
        onFinish={submit}
      >
        <Form.Item name="department_id" label={t("adminTasks.field.department")} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setTerm }}
            loading={departments.isFetching}
            options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t("adminTasks.field.title")} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t("adminTasks.field.kind")} rules={[{ required: true }]}>
          <Select options={AdminTaskKindSchema.options.map((value) => ({ value, label: t(`adminTasks.kind.${value}`) }))} />
        </Form.Item>
        <Form.Item name="received_on" label={t("adminTasks.field.receivedOn")} rules={[{ required: true }]}>
          <Input type="date" max={shanghaiToday()} />
        </Form.Item>
        <Form.Item name="note" label={t("adminTasks.field.note")} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
      {refuse.isError ? <ProblemAlert error={refuse.error} /> : null}
    </FormDrawer>
  );
}
