import type { ContractDetail } from "@sanshe/contracts";
import { App, Alert, Form, Input, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../../ui/api";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../../ui/useIdempotencyKey";
import { useCloseContract, useEvaluatorCandidates } from "../api";
import { FormModal } from "./FormModal";

type FormValues = { action: "close" | "terminate"; evaluator_id: string; reason?: string };

/** 结项 / 终止: the purchaser closes (all milestones accepted) or terminates the contract and assigns the third-party evaluator. */
export function ClosingModal({ contract, open, onClose }: { contract: ContractDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const candidates = useEvaluatorCandidates(contract.id, open);
  const close = useCloseContract(contract.id);
  const { keyFor, reset } = useIdempotencyKey();
  const action = Form.useWatch("action", form);
  const allAccepted = contract.milestones.every((m) => m.status === "accepted");

  const submit = (values: FormValues) => {
    const body =
      values.action === "close"
        ? { action: "close" as const, evaluator_id: values.evaluator_id, version: contract.version }
        : {
            action: "terminate" as const,
            evaluator_id: values.evaluator_id,
            reason: values.reason?.trim() ?? "",
            version: contract.version,
          };
    close.mutate(
      { ...body, idempotencyKey: keyFor(body) },
      {
        onSuccess: () => {
          reset();
          void message.success(t(values.action === "close" ? "contracts.closing.closed" : "contracts.closing.terminated"));
          onClose();
        },
      },
    );
  };

  return (
    <FormModal
      open={open}
      title={t("contracts.closing.title")}
      okText={t("contracts.closing.submit")}
      isSaving={close.isPending}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="contract-closing"
        onFinish={submit}
        initialValues={{ action: allAccepted ? "close" : "terminate" }}
      >
        <Form.Item name="action" label={t("contracts.closing.action")}>
          <Radio.Group
            options={[
              { value: "close", label: t("contracts.closing.close"), disabled: !allAccepted },
              { value: "terminate", label: t("contracts.closing.terminate") },
            ]}
          />
        </Form.Item>
        {!allAccepted ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("contracts.closing.milestonesOpen")} /> : null}
        <Form.Item name="evaluator_id" label={t("contracts.closing.evaluator")} rules={[{ required: true }]}>
          <Select
            loading={candidates.isFetching}
            showSearch={{ optionFilterProp: "label" }}
            options={(candidates.data?.items ?? []).map((c) => ({ value: c.id, label: c.display_name }))}
            notFoundContent={t("contracts.closing.noEvaluators")}
          />
        </Form.Item>
        {action === "terminate" ? (
          <Form.Item name="reason" label={t("contracts.closing.reason")} rules={[{ required: true, whitespace: true, max: 1000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        ) : null}
      </Form>
      {candidates.error ? <ProblemAlert error={candidates.error} /> : null}
      {close.error ? (
        <ProblemAlert error={close.error} title={isProblem(close.error, "VERSION_CONFLICT") ? t("contracts.conflict") : undefined} />
      ) : null}
    </FormModal>
  );
}
