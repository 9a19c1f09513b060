import type { Case, CaseRiskLevel } from "@sanshe/contracts";
import { CaseRiskLevelSchema } from "@sanshe/contracts";
import { App, Form, Input, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useOpenCase, useResidentOptions } from "../api";
import { FormDrawer } from "../../../ui/FormDrawer";

type FormValues = { resident_id: string; presenting_problem: string; needs?: string; risks?: string; risk_level: CaseRiskLevel };

const fields = ["resident_id", "presenting_problem", "needs", "risks", "risk_level"];

/** Opens a case for a resident of the worker's scope with the intake assessment. */
export function OpenCaseDrawer({ open, onClose, onOpened }: { open: boolean; onClose: () => void; onOpened: (saved: Case) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [search, setSearch] = useState("");
  const residents = useResidentOptions(search);
  const mutation = useOpenCase();
  const idempotency = useIdempotencyKey();

  const onFinish = (values: FormValues) => {
    const body = {
      resident_id: values.resident_id,
      presenting_problem: values.presenting_problem.trim(),
      needs: values.needs?.trim() || null,
      risks: values.risks?.trim() || null,
      risk_level: values.risk_level,
    };
    mutation.mutate(
      { ...body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: (saved) => {
          idempotency.reset();
          form.resetFields();
          void message.success(t("cases.form.saved"));
          onOpened(saved);
        },
        onError: (error) => showFieldErrors(form, error, fields),
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={560}
      title={t("cases.form.openTitle")}
      actionsIn="header"
      cancelLabel={t("cases.form.cancel")}
      submitLabel={t("cases.form.save")}
      isSubmitting={mutation.isPending}
      onSubmit={() => form.submit()}
    >
      {mutation.isError ? <ProblemAlert error={mutation.error} style={{ marginBottom: 12 }} /> : null}
      <Form<FormValues> name="case-open-form" form={form} layout="vertical" initialValues={{ risk_level: "low" }} onFinish={onFinish}>
        <Form.Item name="resident_id" label={t("cases.fields.resident")} rules={[{ required: true, message: t("cases.form.required") }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t("cases.form.residentSearch")}
            loading={residents.isFetching}
            options={(residents.data?.items ?? []).map((resident) => ({
              value: resident.id,
              label: `${resident.name}（${resident.area_name}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="presenting_problem"
          label={t("cases.fields.presentingProblem")}
          rules={[{ required: true, whitespace: true, message: t("cases.form.required") }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="needs" label={t("cases.fields.needs")}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="risks" label={t("cases.fields.risks")}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="risk_level" label={t("cases.fields.risk")} rules={[{ required: true, message: t("cases.form.required") }]}>
          <Select options={CaseRiskLevelSchema.options.map((value) => ({ value, label: t(`cases.risk.${value}`) }))} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
