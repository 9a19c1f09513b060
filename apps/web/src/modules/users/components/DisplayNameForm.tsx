import type { User } from "@sanshe/contracts";
import { Alert, App, Button, Flex, Form, Input } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useUpdateUser } from "../api";

/**
 * Edits the display name, sending the version that was read. On 409 VERSION_CONFLICT the fresh copy
 * replaces the form's values and the user is told someone else changed the account.
 */
export function DisplayNameForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ display_name: string }>();
  const update = useUpdateUser(user.id);
  const [hasConflict, setHasConflict] = useState(false);

  // A new version (saved here, or someone else's copy after a conflict) replaces what is in the field.
  useEffect(() => {
    form.setFieldsValue({ display_name: user.display_name });
  }, [form, user.version, user.display_name]);

  return (
    <Form<{ display_name: string }>
      name="user-display-name"
      form={form}
      layout="vertical"
      initialValues={{ display_name: user.display_name }}
      onValuesChange={() => setHasConflict(false)}
      onFinish={(values) => {
        const displayName = values.display_name.trim();
        update.mutate(
          { version: user.version, data: { display_name: displayName } },
          {
            onSuccess: () => {
              setHasConflict(false);
              void message.success(t("users.detail.saved"));
            },
            onError: (error) => {
              if (isProblem(error, "VERSION_CONFLICT")) {
                setHasConflict(true);
                return;
              }
              showFieldErrors(form, error, ["display_name"], ["data"]);
            },
          },
        );
      }}
    >
      {hasConflict ? (
        <Alert type="warning" showIcon title={t("users.detail.conflict")} style={{ marginBottom: 12 }} />
      ) : update.isError && !isProblem(update.error, "VERSION_CONFLICT") ? (
        <ProblemAlert error={update.error} style={{ marginBottom: 12 }} />
      ) : null}
      <Flex gap={8} align="flex-start">
        <Form.Item
          name="display_name"
          label={t("users.fields.displayName")}
          style={{ flex: 1, marginBottom: 0 }}
          rules={[{ required: true, whitespace: true, message: t("users.create.displayNameRequired") }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending} style={{ marginTop: 30 }}>
          {t("users.common.save")}
        </Button>
      </Flex>
    </Form>
  );
}
