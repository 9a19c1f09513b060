import { Alert, Button, Descriptions, Form, Input, Modal, Typography } from "antd";
import type { DescriptionsProps } from "antd";
import type { UseMutationResult } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "./ProblemAlert";

type RevealButtonProps<Values> = {
  /** The button's and the dialog's title, e.g. 查看完整信息. */
  label: string;
  title?: string;
  /** What the reader is about to see and that it is audited (shown above the purpose). */
  hint: string;
  /** Shown above the revealed values: how they may be used. */
  notice: string;
  /** The audited reveal: called with the stated purpose. */
  reveal: UseMutationResult<Values, unknown, string>;
  /** The revealed values as description rows (use `revealedText` for copyable values). */
  describe: (values: Values) => NonNullable<DescriptionsProps["items"]>;
  size?: "small" | "middle";
  /** The form's name (its fields' ids). */
  name: string;
};

/** A revealed value, copyable, or a dash. */
export function revealedText(value: string | null | undefined): ReactNode {
  return value ? <Typography.Text copyable>{value}</Typography.Text> : "—";
}

/**
 * A button that shows personal information in full for a stated purpose: the reader writes why, the
 * server reveals and audits (with the purpose), and the values live in the dialog only (never cached,
 * never written back to the list).
 */
export function RevealButton<Values>({ label, title, hint, notice, reveal, describe, size, name }: RevealButtonProps<Values>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values | null>(null);
  const [form] = Form.useForm<{ purpose: string }>();

  const close = () => {
    setOpen(false);
    setValues(null);
    form.resetFields();
    reveal.reset();
  };

  return (
    <>
      <Button size={size} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title ?? label}
        onCancel={close}
        destroyOnHidden
        footer={
          values
            ? [
                <Button key="close" onClick={close}>
                  {t("ui.reveal.close")}
                </Button>,
              ]
            : undefined
        }
        okText={t("ui.reveal.show")}
        onOk={() => form.submit()}
        confirmLoading={reveal.isPending}
      >
        {values ? (
          <>
            <Alert type="warning" showIcon title={notice} style={{ marginBottom: 12 }} />
            <Descriptions size="small" bordered column={1} items={describe(values)} />
          </>
        ) : (
          <Form<{ purpose: string }>
            name={name}
            form={form}
            layout="vertical"
            onFinish={(input) => reveal.mutate(input.purpose.trim(), { onSuccess: (result) => setValues(result) })}
          >
            <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
            {reveal.isError ? <ProblemAlert error={reveal.error} style={{ marginBottom: 12 }} /> : null}
            <Form.Item
              name="purpose"
              label={t("ui.reveal.purpose")}
              rules={[{ required: true, whitespace: true, min: 2, message: t("ui.reveal.purposeRequired") }]}
            >
              <Input.TextArea maxLength={200} rows={2} autoFocus />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
