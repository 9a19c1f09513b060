import {
  AdminTaskDecisionKindSchema,
  type AdminTaskDecision,
  type AdminTaskDecisionKind,
  type AdminTaskDetail,
} from "@sanshe/contracts/admin-tasks";
import { App, Form, Input, Modal, Radio } from "antd";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useDecideTask } from "../api";
import { needsUnfundedException } from "../format";
import { useConflictNotice } from "./useConflictNotice";

type Values = { decision: AdminTaskDecisionKind; reason: string; unfunded_exception?: string; meeting_resolution_id?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type DecisionModalProps = { task: AdminTaskDetail; decision: AdminTaskDecisionKind | null; onClose: () => void };

/** 准入 / 不予准入 / 退回补充经费 with a reason; admitting an unfunded task records an exception. */
export function DecisionModal({ task, decision, onClose }: DecisionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const decide = useDecideTask(task.id);
  const idempotency = useIdempotencyKey();
  const onConflict = useConflictNotice();
  const chosen = Form.useWatch("decision", form) ?? decision ?? undefined;
  const askException = needsUnfundedException(chosen, task.funding_fen_per_community);

  const submit = (values: Values) => {
    const body: AdminTaskDecision = {
      decision: values.decision,
      reason: values.reason.trim(),
      ...(askException && values.unfunded_exception ? { unfunded_exception: values.unfunded_exception.trim() } : {}),
      ...(values.meeting_resolution_id?.trim() ? { meeting_resolution_id: values.meeting_resolution_id.trim() } : {}),
      version: task.version,
    };
    decide.mutate(
      { ...body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: () => {
          idempotency.reset();
          void message.success(t("adminTasks.decide.done"));
          onClose();
        },
        onError: (error) => {
          if (onConflict(error)) {
            onClose();
          }
        },
      },
    );
  };

  return (
    <Modal
      open={decision !== null}
      title={t("adminTasks.decide.title", { title: task.title })}
      okText={t("adminTasks.decide.submit")}
      cancelText={t("adminTasks.common.cancel")}
      okButtonProps={{ loading: decide.isPending, danger: chosen === "reject" }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        name="admin-task-decision"
        form={form}
        layout="vertical"
        initialValues={{ decision: decision ?? "admit" }}
        onFinish={submit}
      >
        <Form.Item name="decision" label={t("adminTasks.decide.decision")} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={AdminTaskDecisionKindSchema.options.map((value) => ({ value, label: t(`adminTasks.decision.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("adminTasks.decide.reason")}
          extra={t("adminTasks.decide.reasonHelp")}
          rules={[{ required: true, whitespace: true, max: 2000 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        {askException ? (
          <Form.Item
            name="unfunded_exception"
            label={t("adminTasks.decide.exception")}
            extra={t("adminTasks.decide.exceptionHelp")}
            rules={[{ required: true, whitespace: true, max: 2000 }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="meeting_resolution_id"
          label={t("adminTasks.decide.resolution")}
          extra={t("adminTasks.decide.resolutionHelp")}
          rules={[{ pattern: UUID, message: t("adminTasks.decide.resolutionHelp") }]}
        >
          <Input />
        </Form.Item>
      </Form>
      {decide.isError ? <ProblemAlert error={decide.error} /> : null}
    </Modal>
  );
}
