import type { AdminTaskDetail, AdminTaskResubmit } from "@sanshe/contracts/admin-tasks";
import { App, Form, Input, InputNumber, Modal } from "antd";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useResubmitTask } from "../api";
import { fenToYuan, yuanToFen } from "../format";
import { useConflictNotice } from "./useConflictNotice";

type Values = { funding_yuan: number | null; staff_provided: number | null; hours_per_occurrence: number; description?: string };

/** 重新提交: the department answers a return for funding with the money (or other terms) changed. */
export function ResubmitModal({ task, open, onClose }: { task: AdminTaskDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const resubmit = useResubmitTask(task.id);
  const idempotency = useIdempotencyKey();
  const onConflict = useConflictNotice();

  const submit = (values: Values) => {
    const body: AdminTaskResubmit = {
      funding_fen_per_community: yuanToFen(values.funding_yuan),
      staff_provided: values.staff_provided ?? 0,
      hours_per_occurrence: values.hours_per_occurrence,
      description: values.description?.trim() || null,
      version: task.version,
    };
    resubmit.mutate(
      { ...body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: () => {
          idempotency.reset();
          void message.success(t("adminTasks.resubmit.done"));
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
      open={open}
      title={t("adminTasks.resubmit.title", { title: task.title })}
      okText={t("adminTasks.resubmit.submit")}
      cancelText={t("adminTasks.common.cancel")}
      okButtonProps={{ loading: resubmit.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        name="admin-task-resubmit"
        form={form}
        layout="vertical"
        initialValues={{
          funding_yuan: fenToYuan(task.funding_fen_per_community),
          staff_provided: task.staff_provided,
          hours_per_occurrence: task.hours_per_occurrence,
          description: task.description ?? undefined,
        }}
        onFinish={submit}
      >
        {task.decision_reason ? <p>{task.decision_reason}</p> : null}
        <Form.Item name="funding_yuan" label={t("adminTasks.field.fundingPerCommunity")} extra={t("adminTasks.apply.fundingHelp")}>
          <InputNumber min={0} max={10_000_000_000} precision={2} step={100} prefix="¥" style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="staff_provided" label={t("adminTasks.field.staffProvided")}>
          <InputNumber min={0} max={1000} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="hours_per_occurrence" label={t("adminTasks.field.hoursPerOccurrence")} rules={[{ required: true }]}>
          <InputNumber min={0} max={200} step={0.5} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="description" label={t("adminTasks.field.description")} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
      {resubmit.isError ? <ProblemAlert error={resubmit.error} /> : null}
    </Modal>
  );
}
