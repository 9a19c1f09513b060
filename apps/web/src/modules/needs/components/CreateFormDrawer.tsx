import { Button, Drawer, Form } from "antd";
import type { FormInstance, FormProps } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/ProblemAlert";

type CreateFormDrawerProps<Values> = {
  open: boolean;
  onClose: () => void;
  width: number;
  title: ReactNode;
  form: FormInstance<Values>;
  initialValues: FormProps<Values>["initialValues"];
  onFinish: (values: Values) => void;
  /** The failed submission's problem, if any. */
  error: unknown;
  isSubmitting: boolean;
  /** The form's fields. */
  children: ReactNode;
};

/** A drawer with one vertical creation form, its problem above and the submit button below the fields. */
export function CreateFormDrawer<Values extends object>({
  open,
  onClose,
  width,
  title,
  form,
  initialValues,
  onFinish,
  error,
  isSubmitting,
  children,
}: CreateFormDrawerProps<Values>) {
  const { t } = useTranslation();
  return (
    <Drawer open={open} onClose={onClose} width={width} title={title}>
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        {children}
        <Button type="primary" htmlType="submit" loading={isSubmitting}>
          {t("needs.report.submit")}
        </Button>
      </Form>
    </Drawer>
  );
}
