import type { Occurrence } from "@sanshe/contracts/admin-tasks";
import { App, Form, InputNumber, Modal } from "antd";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useCompleteOccurrence } from "../api";
import { useConflictNotice } from "./useConflictNotice";

/** 办结: marks an occurrence done with the hours it took (the estimate by default). */
export function CompleteModal({ occurrence, onClose }: { occurrence: Occurrence | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ hours: number | null }>();
  const complete = useCompleteOccurrence();
  const idempotency = useIdempotencyKey();
  const onConflict = useConflictNotice();

  const submit = ({ hours }: { hours: number | null }) => {
    if (!occurrence) {
      return;
    }
    const body = { id: occurrence.id, hours: hours ?? null, version: occurrence.version };
    complete.mutate(
      { ...body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: () => {
          idempotency.reset();
          void message.success(t("adminTasks.queue.completed"));
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
      open={occurrence !== null}
      title={occurrence ? t("adminTasks.queue.completeTitle", { title: occurrence.task_title }) : ""}
      okText={t("adminTasks.queue.completeOk")}
      cancelText={t("adminTasks.common.cancel")}
      okButtonProps={{ loading: complete.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        name="complete-occurrence"
        layout="vertical"
        initialValues={{ hours: occurrence?.estimated_hours ?? null }}
        onFinish={submit}
      >
        <Form.Item name="hours" label={t("adminTasks.queue.hoursSpent")} extra={t("adminTasks.queue.hoursHelp")}>
          <InputNumber min={0} max={200} step={0.5} style={{ width: "100%" }} />
        </Form.Item>
      </Form>
      {complete.isError ? <ProblemAlert error={complete.error} /> : null}
    </Modal>
  );
}
