import type { Resident, ResidentUnmasked } from "@sanshe/contracts";
import { Alert, Button, Descriptions, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useUnmaskResident } from "../api";

/**
 * "查看完整信息": asks for a purpose, calls unmask (audited on the server) and shows the full values
 * in the dialog only; they are never cached or written to the list.
 */
export function UnmaskButton({ resident }: { resident: Resident }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<ResidentUnmasked | null>(null);
  const [form] = Form.useForm<{ purpose: string }>();
  const unmask = useUnmaskResident(resident.id);

  const close = () => {
    setOpen(false);
    setValues(null);
    form.resetFields();
    unmask.reset();
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t("residents.detail.showFull")}</Button>
      <Modal
        open={open}
        title={t("residents.detail.showFull")}
        onCancel={close}
        destroyOnHidden
        footer={
          values
            ? [
                <Button key="close" onClick={close}>
                  {t("residents.detail.close")}
                </Button>,
              ]
            : undefined
        }
        onOk={() => form.submit()}
        confirmLoading={unmask.isPending}
      >
        {values ? (
          <>
            <Alert type="warning" showIcon title={t("residents.detail.full")} style={{ marginBottom: 12 }} />
            <Descriptions
              size="small"
              bordered
              column={1}
              items={[
                {
                  key: "id",
                  label: t("residents.fields.idNumber"),
                  children: values.id_number ? <Typography.Text copyable>{values.id_number}</Typography.Text> : "—",
                },
                {
                  key: "phone",
                  label: t("residents.fields.phone"),
                  children: <Typography.Text copyable>{values.phone ?? "—"}</Typography.Text>,
                },
              ]}
            />
          </>
        ) : (
          <Form<{ purpose: string }>
            name="resident-unmask"
            form={form}
            layout="vertical"
            onFinish={(input) =>
              unmask.mutate({ fields: ["id_number", "phone"], purpose: input.purpose.trim() }, { onSuccess: (result) => setValues(result) })
            }
          >
            <Typography.Paragraph type="secondary">{t("residents.detail.purposeHint")}</Typography.Paragraph>
            {unmask.isError ? <ProblemAlert error={unmask.error} style={{ marginBottom: 12 }} /> : null}
            <Form.Item
              name="purpose"
              label={t("residents.detail.purpose")}
              rules={[{ required: true, whitespace: true, min: 2, message: t("residents.detail.purposeRequired") }]}
            >
              <Input.TextArea maxLength={200} rows={2} autoFocus />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
