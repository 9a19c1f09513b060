import { TakeBackAssigneeSchema, type AdminTaskDetail, type AdminTaskTakeBack, type TakeBackAssignee } from "@sanshe/contracts/admin-tasks";
import { Alert, App, Form, Input, Modal, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useTakeBackTask } from "../api";
import { activeTargets } from "../format";
import { useConflictNotice } from "./useConflictNotice";

type Values = { communities?: string[]; assignee_kind: TakeBackAssignee; assignee_name: string; reason: string };

/** 回收: the street takes an admitted task back from (some of) its communities and gives it to an office or post. */
export function TakeBackModal({ task, open, onClose }: { task: AdminTaskDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const takeBack = useTakeBackTask(task.id);
  const idempotency = useIdempotencyKey();
  const onConflict = useConflictNotice();
  const active = activeTargets(task.targets);

  const submit = (values: Values) => {
    const body: AdminTaskTakeBack = {
      ...(values.communities && values.communities.length > 0 ? { communities: values.communities } : {}),
      assignee_kind: values.assignee_kind,
      assignee_name: values.assignee_name.trim(),
      reason: values.reason.trim(),
      version: task.version,
    };
    takeBack.mutate(
      { ...body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: () => {
          idempotency.reset();
          void message.success(t("adminTasks.takeBack.done"));
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
      title={t("adminTasks.takeBack.title", { title: task.title })}
      okText={t("adminTasks.takeBack.submit")}
      cancelText={t("adminTasks.common.cancel")}
      okButtonProps={{ loading: takeBack.isPending, disabled: active.length === 0 }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {active.length === 0 ? <Alert type="info" title={t("adminTasks.takeBack.noneActive")} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        name="admin-task-take-back"
        form={form}
        layout="vertical"
        initialValues={{ assignee_kind: "street_office" }}
        onFinish={submit}
      >
        <Form.Item name="communities" label={t("adminTasks.takeBack.communities")} extra={t("adminTasks.takeBack.communitiesHelp")}>
          <Select mode="multiple" allowClear options={active.map((target) => ({ value: target.area_code, label: target.area_name }))} />
        </Form.Item>
        <Form.Item name="assignee_kind" label={t("adminTasks.takeBack.assigneeKind")} rules={[{ required: true }]}>
          <Radio.Group options={TakeBackAssigneeSchema.options.map((value) => ({ value, label: t(`adminTasks.assignee.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="assignee_name"
          label={t("adminTasks.takeBack.assigneeName")}
          rules={[{ required: true, whitespace: true, max: 80 }]}
        >
          <Input placeholder={t("adminTasks.takeBack.assigneePlaceholder")} />
        </Form.Item>
        <Form.Item name="reason" label={t("adminTasks.takeBack.reason")} rules={[{ required: true, whitespace: true, max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
      {takeBack.isError ? <ProblemAlert error={takeBack.error} /> : null}
    </Modal>
  );
}
