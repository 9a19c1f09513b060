import type { AnnouncementCreate, Role } from "@sanshe/contracts";
import { Button, Card, DatePicker, Form, Input, Select, Switch } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useMe, useRoleLabel } from "../../auth";
import { usePublishAnnouncement } from "../api";

type Values = { area_code: string; title: string; body: string; roles: Role[]; pinned: boolean; expires_at: Dayjs | null };

const audienceRoles: Role[] = ["official", "community_staff", "org_staff", "social_worker", "resident"];

/** Each paragraph of the text becomes a <p>; the server sanitizes whatever arrives anyway. */
function toHtml(text: string): string {
  const escape = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escape(paragraph.trim()).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/** Publish an announcement to an area of one's jurisdiction, optionally to some roles only. */
export function AnnouncementPublishPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const roleLabel = useRoleLabel();
  const [form] = Form.useForm<Values>();
  const publish = usePublishAnnouncement();
  const idempotency = useIdempotencyKey();
  const areas = (me.data?.memberships ?? []).filter((m) => m.role === "official" || m.role === "community_staff");

  const submit = (values: Values) => {
    const body: AnnouncementCreate = {
      area_code: values.area_code,
      title: values.title,
      body_html: toHtml(values.body),
      audience: { roles: values.roles, organization_ids: [] },
      pinned: values.pinned,
      expires_at: values.expires_at ? values.expires_at.endOf("day").toISOString() : null,
    };
    publish.mutate(
      { body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: (created) => {
          idempotency.reset();
          void navigate(`/announcements/${created.id}`);
        },
        onError: (error) => showFieldErrors(form, error, ["area_code", "title"]),
      },
    );
  };

  return (
    <>
      <PageHeader title={t("announcements.publishTitle")} subtitle={t("announcements.publishSubtitle")} />
      <ProblemAlert error={publish.error} style={{ marginBottom: 12 }} />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ area_code: areas[0]?.area_code, roles: [], pinned: false, expires_at: null }}
          style={{ maxWidth: 720 }}
        >
          <Form.Item name="area_code" label={t("announcements.field.area")} rules={[{ required: true }]}>
            <Select options={areas.map((m) => ({ value: m.area_code, label: m.area_name }))} data-testid="announcement-area" />
          </Form.Item>
          <Form.Item name="title" label={t("announcements.field.title")} rules={[{ required: true, max: 120 }]}>
            <Input data-testid="announcement-title-input" />
          </Form.Item>
          <Form.Item
            name="body"
            label={t("announcements.field.body")}
            extra={t("announcements.field.bodyHelp")}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={8} data-testid="announcement-body-input" />
          </Form.Item>
          <Form.Item name="roles" label={t("announcements.field.roles")} extra={t("announcements.field.rolesHelp")}>
            <Select mode="multiple" options={audienceRoles.map((role) => ({ value: role, label: roleLabel(role) }))} />
          </Form.Item>
          <Form.Item name="pinned" label={t("announcements.pinned")} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="expires_at" label={t("announcements.expiresAt")}>
            <DatePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid="announcement-submit">
            {t("announcements.publish")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
