import { MAX_ANNOUNCEMENT_FILE_BYTES, MAX_ANNOUNCEMENT_FILES, type AnnouncementCreate, type Role } from "@sanshe/contracts";
import { UploadOutlined } from "@ant-design/icons";
import { App, Button, Card, DatePicker, Form, Input, Select, Switch, Upload } from "antd";
import type { UploadFile } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useMe, useRoleLabel } from "../../auth";
import { ANNOUNCEMENT_FILE_ACCEPT, useAddAnnouncementAttachment, useAudienceOrganizations, usePublishAnnouncement } from "../api";

type Values = {
  area_code: string;
  title: string;
  body: string;
  roles: Role[];
  organization_ids: string[];
  pinned: boolean;
  expires_at: Dayjs | null;
};

const acceptedTypes = new Set(ANNOUNCEMENT_FILE_ACCEPT.split(","));

const audienceRoles: Role[] = ["official", "community_staff", "org_staff", "social_worker", "resident"];

/** Each paragraph of the text becomes a <p>; the server sanitizes whatever arrives anyway. */
function toHtml(text: string): string {
  const escape = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escape(paragraph.trim()).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/**
 * Publish an announcement to an area of one's jurisdiction, optionally to some roles or organizations
 * only, with up to five files: the announcement is published first, then each file is attached; a
 * file the server refuses is reported on the announcement's page, where it can be added again.
 */
export function AnnouncementPublishPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const roleLabel = useRoleLabel();
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const publish = usePublishAnnouncement();
  const attach = useAddAnnouncementAttachment();
  const idempotency = useIdempotencyKey();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [orgSearch, setOrgSearch] = useState("");
  const areas = (me.data?.memberships ?? []).filter((m) => m.role === "official" || m.role === "community_staff");
  const areaCode = Form.useWatch("area_code", form) ?? areas[0]?.area_code;
  const organizations = useAudienceOrganizations(areaCode, orgSearch);

  /** Attaches the chosen files one by one; refusals are counted, not fatal (the announcement stands). */
  const attachAll = async (id: string) => {
    let failed = 0;
    for (const file of files) {
      try {
        await attach.mutateAsync({ id, file: file.originFileObj as File, idempotencyKey: crypto.randomUUID() });
      } catch {
        failed += 1;
      }
    }
    if (failed > 0) {
      void message.warning(t("announcements.attachFailed", { count: failed }));
    }
  };

  const submit = (values: Values) => {
    const body: AnnouncementCreate = {
      area_code: values.area_code,
      title: values.title,
      body_html: toHtml(values.body),
      audience: { roles: values.roles, organization_ids: values.organization_ids },
      pinned: values.pinned,
      expires_at: values.expires_at ? values.expires_at.endOf("day").toISOString() : null,
    };
    modal.confirm({
      title: t("announcements.publishConfirm"),
      content: t("announcements.publishConsequence"),
      okText: t("announcements.publishOk"),
      cancelText: t("announcements.publishKeep"),
      onOk: () => send(body),
    });
  };

  const send = (body: AnnouncementCreate) => {
    publish.mutate(
      { body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: (created) => {
          idempotency.reset();
          void attachAll(created.id).then(() => navigate(`/announcements/${created.id}`));
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
          initialValues={{ area_code: areas[0]?.area_code, roles: [], organization_ids: [], pinned: false, expires_at: null }}
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
          <Form.Item
            name="organization_ids"
            label={t("announcements.field.organizations")}
            extra={t("announcements.field.organizationsHelp")}
          >
            <Select
              mode="multiple"
              showSearch={{ filterOption: false, onSearch: setOrgSearch }}
              loading={organizations.isFetching}
              notFoundContent={t("announcements.field.noOrganizations")}
              options={(organizations.data?.items ?? []).map((org) => ({ value: org.id, label: org.name }))}
            />
          </Form.Item>
          <Form.Item label={t("announcements.attachments")} extra={t("announcements.field.filesHelp", { max: MAX_ANNOUNCEMENT_FILES })}>
            <Upload
              accept={ANNOUNCEMENT_FILE_ACCEPT}
              multiple
              fileList={files}
              maxCount={MAX_ANNOUNCEMENT_FILES}
              beforeUpload={(file) => {
                if (!acceptedTypes.has(file.type)) {
                  void message.error(t("announcements.fileType", { name: file.name }));
                  return Upload.LIST_IGNORE;
                }
                if (file.size > MAX_ANNOUNCEMENT_FILE_BYTES) {
                  void message.error(t("announcements.fileTooLarge", { name: file.name }));
                  return Upload.LIST_IGNORE;
                }
                return false;
              }}
              onChange={({ fileList }) => setFiles(fileList)}
            >
              <Button icon={<UploadOutlined />}>{t("announcements.chooseFiles")}</Button>
            </Upload>
          </Form.Item>
          <Form.Item name="pinned" label={t("announcements.pinned")} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="expires_at" label={t("announcements.expiresAt")}>
            <DatePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={publish.isPending || attach.isPending} data-testid="announcement-submit">
            {t("announcements.publish")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
