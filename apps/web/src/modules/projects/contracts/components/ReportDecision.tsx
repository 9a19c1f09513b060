import type { Milestone, MilestoneReport } from "@sanshe/contracts";
import { App, Button, Form, Input, Modal, Popconfirm, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../../ui/api";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../../ui/useIdempotencyKey";
import { formatFen } from "../../money";
import { useDecideReport } from "../api";

/**
 * The purchaser accepts (pays the milestone) or returns (with a reason) a pending report. Buttons are
 * disabled while a decision is on its way; the same Idempotency-Key is sent again for the same
 * decision, and a 409 (decided meanwhile) reloads the contract.
 */
export function ReportDecision({ contractId, milestone, report }: { contractId: string; milestone: Milestone; report: MilestoneReport }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecideReport(contractId);
  const { keyFor, reset } = useIdempotencyKey();
  const [isReturning, setIsReturning] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  // Evidence outside the call's categories or areas (flagged by the server): the purchaser is warned before paying.
  const outsideCount = report.evidence_items.filter((item) => item.outside_call).length;

  const onError = (error: unknown) => {
    if (isProblem(error) && error.status === 409) {
      void message.warning(t("contracts.decision.alreadyDecided"));
    }
  };

  const accept = () => {
    const body = { decision: "accept" as const, reportId: report.id };
    decide.mutate(
      { ...body, idempotencyKey: keyFor(body) },
      {
        onSuccess: () => {
          reset();
          void message.success(t("contracts.decision.paid", { amount: formatFen(milestone.amount_fen) }));
        },
        onError,
      },
    );
  };

  const sendReturn = (values: { reason: string }) => {
    const body = { decision: "return" as const, reason: values.reason.trim(), reportId: report.id };
    decide.mutate(
      { ...body, idempotencyKey: keyFor(body) },
      {
        onSuccess: () => {
          reset();
          setIsReturning(false);
          form.resetFields();
          void message.success(t("contracts.decision.returned"));
        },
        onError,
      },
    );
  };

  return (
    <>
      <Space className="sanshe-no-print" wrap>
        <Popconfirm
          title={t("contracts.decision.acceptConfirm", { amount: formatFen(milestone.amount_fen) })}
          description={
            outsideCount > 0 ? (
              <span style={{ color: "#d46b08" }}>{t("contracts.decision.outsideWarning", { count: outsideCount })}</span>
            ) : undefined
          }
          okText={t("contracts.decision.acceptOk")}
          cancelText={t("contracts.actions.cancel")}
          onConfirm={accept}
          disabled={decide.isPending}
        >
          <Button type="primary" loading={decide.isPending} disabled={decide.isPending}>
            {t("contracts.decision.accept")}
          </Button>
        </Popconfirm>
        <Button danger disabled={decide.isPending} onClick={() => setIsReturning(true)}>
          {t("contracts.decision.return")}
        </Button>
      </Space>
      {decide.error && !isReturning ? <ProblemAlert error={decide.error} style={{ marginTop: 8 }} /> : null}
      <Modal
        open={isReturning}
        title={t("contracts.decision.returnTitle", { title: milestone.title })}
        okText={t("contracts.decision.returnOk")}
        cancelText={t("contracts.actions.cancel")}
        okButtonProps={{ danger: true, loading: decide.isPending, disabled: decide.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setIsReturning(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="milestone-return" onFinish={sendReturn}>
          <Form.Item name="reason" label={t("contracts.decision.reason")} rules={[{ required: true, whitespace: true, max: 1000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
        {decide.error ? <ProblemAlert error={decide.error} /> : null}
      </Modal>
    </>
  );
}
