import type { User } from "@sanshe/contracts";
import { App, Button, Form, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useResetPassword } from "../api";
import { PasswordFields } from "./PasswordFields";

/** Sets a new password for the account; its sessions end, so the user signs in again. */
export function PasswordResetForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const reset = useResetPassword(user.id);
  const idempotency = useIdempotencyKey();

  return (
    <Form<{ password: string; confirm: string }>
      name="password-reset"
      form={form}
      layout="vertical"
      onValuesChange={() => reset.reset()}
      onFinish={(values) => {
        const body = { password: values.password };
        reset.mutate(
          { ...body, idempotencyKey: idempotency.keyFor(body) },
          {
            onSuccess: () => {
              idempotency.reset();
              form.resetFields();
              void message.success(t("users.password.done", { login: user.login }));
            },
            onError: (error) => {
              showFieldErrors(form, error, ["password"]);
            },
          },
        );
      }}
    >
      <Typography.Paragraph type="secondary">{t("users.password.explain")}</Typography.Paragraph>
      {reset.isError ? <ProblemAlert error={reset.error} style={{ marginBottom: 12 }} /> : null}
      <PasswordFields label={t("users.password.new")} />
      <Button htmlType="submit" danger loading={reset.isPending}>
        {t("users.password.submit")}
      </Button>
    </Form>
  );
}
