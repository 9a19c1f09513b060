import type { ResidentSelfLink } from "@sanshe/contracts";
import { App, Button, Card, Form, Input, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useMe } from "../../auth";
import { useLinkOwnResident, useOwnResident } from "../api";
import { GroupTags } from "../components/GroupTags";
import { RecordDescriptions, maskedContactItems } from "../components/RecordDescriptions";

/** The resident proves who they are (name, ID number and phone as registered) to link their account. */
function SelfLinkForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResidentSelfLink>();
  const linkOwn = useLinkOwnResident();
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t("residents.self.linkTitle")}
        </Typography.Title>
      }
      style={{ maxWidth: 560 }}
    >
      <Typography.Paragraph type="secondary">{t("residents.self.linkHint")}</Typography.Paragraph>
      <Form<ResidentSelfLink>
        form={form}
        layout="vertical"
        name="resident-self-link"
        onFinish={(values) =>
          linkOwn.mutate(
            { name: values.name.trim(), id_number: values.id_number.trim(), phone: values.phone.trim() },
            {
              onSuccess: () => {
                form.resetFields();
                void message.success(t("residents.self.linked"));
              },
            },
          )
        }
      >
        <Form.Item name="name" label={t("residents.fields.name")} rules={[{ required: true, whitespace: true, max: 64 }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="id_number" label={t("residents.fields.idNumber")} rules={[{ required: true, whitespace: true, max: 32 }]}>
          <Input autoComplete="off" inputMode="text" />
        </Form.Item>
        <Form.Item name="phone" label={t("residents.fields.phone")} rules={[{ required: true, whitespace: true, max: 32 }]}>
          <Input autoComplete="tel" inputMode="tel" />
        </Form.Item>
        {/* The same generic answer whatever did not match (RESIDENT_LINK_NO_MATCH); 429 after too many tries. */}
        {linkOwn.error ? <ProblemAlert error={linkOwn.error} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" loading={linkOwn.isPending}>
          {t("residents.self.link")}
        </Button>
      </Form>
    </Card>
  );
}

/** The linked resident's own record, masked (their right to see what the community holds about them). */
function OwnRecord() {
  const { t } = useTranslation();
  const own = useOwnResident(true);
  if (own.isPending) {
    return <Skeleton active paragraph={{ rows: 6 }} />;
  }
  if (own.isError) {
    return <ProblemAlert error={own.error} />;
  }
  const data = own.data;
  const place = [data.address, data.building, data.unit, data.room].filter(Boolean).join(" ");
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t("residents.self.recordTitle")}
        </Typography.Title>
      }
      style={{ maxWidth: 720 }}
    >
      <Typography.Paragraph type="secondary">{t("residents.self.recordHint")}</Typography.Paragraph>
      <RecordDescriptions
        items={[
          { key: "name", label: t("residents.fields.name"), children: data.name },
          ...maskedContactItems(t, data),
          { key: "community", label: t("residents.fields.community"), children: data.area_name },
          { key: "address", label: t("residents.fields.address"), children: place || "—" },
          { key: "groups", label: t("residents.fields.groups"), children: data.groups.length ? <GroupTags groups={data.groups} /> : "—" },
        ]}
      />
    </Card>
  );
}

/** 我的居民档案: link the account to the register (绑定居民档案), then see one's own record. */
export function MyRecordPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) {
    return null;
  }
  return (
    <>
      <PageHeader title={t("residents.self.title")} subtitle={t("residents.self.subtitle")} />
      {me.resident_link ? <OwnRecord /> : <SelfLinkForm />}
    </>
  );
}
