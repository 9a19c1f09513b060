import type { LedgerDirection, LedgerEntryCreate, LedgerPurpose, RecordableLedgerSource } from "@sanshe/contracts";
import { LedgerPurposeSchema, RecordableLedgerSourceSchema } from "@sanshe/contracts";
import { App, Form, Input, InputNumber, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import { FormDrawer } from "../../../../ui/FormDrawer";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { showFieldErrors } from "../../../../ui/fieldErrors";
import { useIdempotencyKey } from "../../../../ui/useIdempotencyKey";
import { yuanToFen } from "../../money";
import { useCreateLedgerEntry } from "../api";

/** A ledger the user records for: a community (its code) or an organization (its id). */
export type LedgerHolderChoice = { kind: "community" | "organization"; id: string; name: string };

type FormValues = {
  holder: string;
  direction: LedgerDirection;
  source?: RecordableLedgerSource;
  purpose?: LedgerPurpose;
  amount_yuan: number;
  paid_on: string;
  description: string;
  reference?: string;
  voucher_no?: string;
};

/**
 * 「记一笔收支」: community staff record their community's money in (by source) or out (by purpose),
 * organizations' staff their organization's (Idempotency-Key per submission).
 */
export function LedgerEntryDrawer({ open, onClose, holders }: { open: boolean; onClose: () => void; holders: LedgerHolderChoice[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const direction = Form.useWatch("direction", form) ?? "in";
  const create = useCreateLedgerEntry();
  const { keyFor, reset } = useIdempotencyKey();

  const submit = (values: FormValues) => {
    const holder = holders.find((h) => `${h.kind}:${h.id}` === values.holder) ?? holders[0];
    const body: LedgerEntryCreate = {
      ...(holder?.kind === "community" ? { community_code: holder.id } : holder ? { org_id: holder.id } : {}),
      direction: values.direction,
      ...(values.direction === "in" ? { source: values.source } : { purpose: values.purpose }),
      amount_fen: yuanToFen(values.amount_yuan),
      paid_on: values.paid_on,
      description: values.description.trim(),
      ...(values.reference?.trim() ? { reference: values.reference.trim() } : {}),
      ...(values.voucher_no?.trim() ? { voucher_no: values.voucher_no.trim() } : {}),
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
          showFieldErrors(form, error, ["source", "purpose", "paid_on", "description", "reference", "voucher_no"]);
        },
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t("contracts.ledger.recordTitle")}
      size={480}
      cancelLabel={t("contracts.ledger.cancel")}
      submitLabel={t("contracts.ledger.recordOk")}
      isSubmitting={create.isPending}
      onSubmit={() => form.submit()}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="ledger-entry"
        onFinish={submit}
        initialValues={{ holder: holders[0] ? `${holders[0].kind}:${holders[0].id}` : undefined, direction: "in" }}
      >
        {holders.length > 1 ? (
          <Form.Item name="holder" label={t("contracts.ledger.holder")} rules={[{ required: true }]}>
            <Select options={holders.map((h) => ({ value: `${h.kind}:${h.id}`, label: h.name }))} />
          </Form.Item>
        ) : (
          <Form.Item label={t("contracts.ledger.holder")}>
            <span data-testid="ledger-holder">{holders[0]?.name}</span>
          </Form.Item>
        )}
        <Form.Item name="direction" label={t("contracts.ledger.direction")} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={(["in", "out"] as const).map((value) => ({ value, label: t(`contracts.ledger.directions.${value}`) }))}
          />
        </Form.Item>
        {direction === "in" ? (
          <Form.Item name="source" label={t("contracts.ledger.source")} rules={[{ required: true }]}>
            <Select
              options={RecordableLedgerSourceSchema.options.map((value) => ({ value, label: t(`contracts.ledger.sources.${value}`) }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="purpose" label={t("contracts.ledger.purpose")} rules={[{ required: true }]}>
            <Select options={LedgerPurposeSchema.options.map((value) => ({ value, label: t(`contracts.ledger.purposes.${value}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="amount_yuan" label={t("contracts.ledger.amountYuan")} rules={[{ required: true, type: "number", min: 0.01 }]}>
          <InputNumber min={0.01} max={1_000_000_000} precision={2} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="paid_on" label={t("contracts.ledger.paidOn")} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="description" label={t("contracts.ledger.description")} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="reference" label={t("contracts.ledger.reference")} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="voucher_no" label={t("contracts.ledger.voucherNo")} rules={[{ max: 64 }]}>
          <Input />
        </Form.Item>
      </Form>
      {create.error ? <ProblemAlert error={create.error} /> : null}
    </FormDrawer>
  );
}
