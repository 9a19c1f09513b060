import type { FundingSource, LedgerEntryCreate } from "@sanshe/contracts";
import { FundingSourceSchema } from "@sanshe/contracts";
import { App, Form, Input, InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { showFieldErrors } from "../../../../ui/fieldErrors";
import { useIdempotencyKey } from "../../../../ui/useIdempotencyKey";
import { yuanToFen } from "../../money";
import { useCreateLedgerEntry } from "../api";
import { FormModal } from "./FormModal";

type FormValues = {
  org_id?: string;
  source: Exclude<FundingSource, "gov_purchase">;
  amount_yuan: number;
  paid_on: string;
  description: string;
};

/** An organization records income from a source other than government purchase (Idempotency-Key per submission). */
export function LedgerEntryModal({
  open,
  onClose,
  organizations,
}: {
  open: boolean;
  onClose: () => void;
  organizations: Array<{ id: string; name: string }>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateLedgerEntry();
  const { keyFor, reset } = useIdempotencyKey();

  const submit = (values: FormValues) => {
    const body: LedgerEntryCreate = {
      ...(organizations.length > 1 && values.org_id ? { org_id: values.org_id } : {}),
      source: values.source,
      amount_fen: yuanToFen(values.amount_yuan),
      paid_on: values.paid_on,
      description: values.description.trim(),
    };
    create.mutate(
      { ...body, idempotencyKey: keyFor(body) },
      {
        onSuccess: () => {
          reset();
          form.resetFields();
          void message.success(t("contracts.ledger.recorded"));
          onClose();
        },
        onError: (error) => {
          showFieldErrors(form, error, ["source", "paid_on", "description", "org_id"]);
        },
      },
    );
  };

  return (
    <FormModal
      open={open}
      title={t("contracts.ledger.recordTitle")}
      okText={t("contracts.ledger.recordOk")}
      isSaving={create.isPending}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="ledger-entry"
        onFinish={submit}
        initialValues={{ org_id: organizations[0]?.id }}
      >
        {organizations.length > 1 ? (
          <Form.Item name="org_id" label={t("contracts.fields.org")} rules={[{ required: true }]}>
            <Select options={organizations.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="source" label={t("contracts.ledger.source")} rules={[{ required: true }]}>
          <Select
            options={FundingSourceSchema.options
              .filter((source) => source !== "gov_purchase")
              .map((source) => ({ value: source, label: t(`socialOrgs.funding.${source}`) }))}
          />
        </Form.Item>
        <Form.Item name="amount_yuan" label={t("contracts.ledger.amountYuan")} rules={[{ required: true, type: "number", min: 0.01 }]}>
          <InputNumber min={0.01} max={1_000_000_000} precision={2} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="paid_on" label={t("contracts.ledger.paidOn")} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="description" label={t("contracts.ledger.description")} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      {create.error ? <ProblemAlert error={create.error} /> : null}
    </FormModal>
  );
}
