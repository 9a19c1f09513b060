import type { Resident } from "@sanshe/contracts";
import { Alert, App, Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useMoveResident } from "../api";

type MoveValues = { to_area_code: string; reason: string };

/** Moves a resident to another community; afterwards this community no longer sees the record. */
export function MoveDialog({
  resident,
  open,
  onClose,
  onMoved,
}: {
  resident: Resident;
  open: boolean;
  onClose: () => void;
  onMoved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MoveValues>();
  const move = useMoveResident(resident.id);
  return (
    <Modal
      open={open}
      title={t("residents.move.title")}
      okText={t("residents.move.confirm")}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t("residents.move.notice")} style={{ marginBottom: 12 }} />
      {move.isError ? <ProblemAlert error={move.error} style={{ marginBottom: 12 }} /> : null}
      <Form<MoveValues>
        name="resident-move"
        form={form}
        layout="vertical"
        onFinish={(values) =>
          move.mutate(
            { version: resident.version, to_area_code: values.to_area_code.trim(), reason: values.reason.trim() },
            {
              onSuccess: () => {
                void message.success(t("residents.move.done"));
                onMoved();
              },
              onError: (error) => showFieldErrors(form, error, ["to_area_code", "reason"]),
            },
          )
        }
      >
        <Form.Item
          name="to_area_code"
          label={t("residents.move.to")}
          rules={[{ required: true, pattern: /^\d{12}$/, message: t("residents.form.required") }]}
        >
          <Input maxLength={12} inputMode="numeric" placeholder="410105007001" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("residents.move.reason")}
          rules={[{ required: true, whitespace: true, message: t("residents.form.required") }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
