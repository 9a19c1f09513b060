import type { NotificationDelivery } from "@sanshe/contracts";
import { App, Button, Card, Form, Input, Popconfirm, Radio, Space, Switch, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../ui/formatDateTime";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import {
  useCalendarToken,
  useCreateCalendarToken,
  useNotificationPreferences,
  useRevokeCalendarToken,
  useSaveNotificationPreferences,
} from "../api";

type Values = { delivery: NotificationDelivery; email_enabled: boolean; email: string };

/** How notifications are e-mailed (each at once or a daily digest) and the private calendar feed's address. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const preferences = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const calendar = useCalendarToken();
  const create = useCreateCalendarToken();
  const revoke = useRevokeCalendarToken();

  useEffect(() => {
    if (preferences.data) {
      form.setFieldsValue({ delivery: preferences.data.delivery, email_enabled: preferences.data.email_enabled, email: "" });
    }
  }, [preferences.data, form]);

  const submit = (values: Values) => {
    if (!preferences.data) {
      return;
    }
    save.mutate(
      {
        delivery: values.delivery,
        email_enabled: values.email_enabled,
        version: preferences.data.version,
        ...(values.email.trim() ? { email: values.email.trim() } : {}),
      },
      { onSuccess: () => void message.success(t("notifications.preferences.saved")) },
    );
  };

  const feedUrl = create.data ? `${window.location.origin}${create.data.path}` : null;

  return (
    <>
      <PageHeader title={t("notifications.preferences.title")} subtitle={t("notifications.preferences.subtitle")} />
      <ProblemAlert
        error={preferences.error ?? save.error ?? calendar.error ?? create.error ?? revoke.error}
        style={{ marginBottom: 12 }}
      />
      <Card title={t("notifications.preferences.emailTitle")} style={{ marginBottom: 16 }}>
        <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 560 }}>
          <Form.Item name="delivery" label={t("notifications.preferences.delivery")}>
            <Radio.Group
              options={[
                { value: "immediately", label: t("notifications.preferences.immediately") },
                { value: "daily_digest", label: t("notifications.preferences.dailyDigest") },
              ]}
            />
          </Form.Item>
          <Form.Item name="email_enabled" label={t("notifications.preferences.emailEnabled")} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item
            name="email"
            label={t("notifications.preferences.email")}
            extra={
              preferences.data?.email_masked
                ? t("notifications.preferences.emailCurrent", { email: preferences.data.email_masked })
                : t("notifications.preferences.emailNone")
            }
            rules={[{ type: "email" }]}
          >
            <Input type="email" autoComplete="email" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!preferences.data}>
            {t("notifications.preferences.save")}
          </Button>
        </Form>
      </Card>
      <Card title={t("notifications.calendar.title")}>
        <Typography.Paragraph type="secondary">{t("notifications.calendar.explain")}</Typography.Paragraph>
        {feedUrl ? (
          <Typography.Paragraph>
            {t("notifications.calendar.showOnce")}
            <Typography.Text code copyable data-testid="calendar-url">
              {feedUrl}
            </Typography.Text>
          </Typography.Paragraph>
        ) : calendar.data?.active && calendar.data.created_at ? (
          <Typography.Paragraph>
            {t("notifications.calendar.active", { at: formatDateTime(calendar.data.created_at) })}
          </Typography.Paragraph>
        ) : null}
        <Space>
          <Button type="primary" loading={create.isPending} onClick={() => create.mutate()} data-testid="calendar-create">
            {calendar.data?.active ? t("notifications.calendar.recreate") : t("notifications.calendar.create")}
          </Button>
          {calendar.data?.active && (
            <Popconfirm
              title={t("notifications.calendar.revokeConfirm")}
              onConfirm={() => revoke.mutate(undefined, { onSuccess: () => create.reset() })}
            >
              <Button danger loading={revoke.isPending}>
                {t("notifications.calendar.revoke")}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Card>
    </>
  );
}
