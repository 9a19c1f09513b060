import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import type { AgendaKind, InviteeCreate, MeetingCreate, NeedCategory } from "@sanshe/contracts";
import { AgendaKindSchema } from "@sanshe/contracts";
import { Alert, Button, Checkbox, Drawer, Flex, Form, Input, Radio, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../auth";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useCreateMeeting, useInviteeOptions, useNeedCategoryOptions } from "../api";

type AgendaValues = { kind: AgendaKind; title: string; need_category?: string; referral_id?: string; link_id?: string };
type Values = {
  title: string;
  area_code: string;
  starts_at: string;
  ends_at: string;
  place_kind: "facility" | "online";
  facility_id?: string;
  url?: string;
  users?: string[];
  organizations?: string[];
  representatives?: string[];
  departments?: string[];
  agenda?: AgendaValues[];
  schedule?: boolean;
};

/** "2026-03-02T10:00" from a datetime-local field, read as Beijing time. */
const beijing = (local: string) => `${local}:00+08:00`;

/** 召集会议: title, time, place, invited parties and agenda; optionally scheduled (invitations sent) at once. */
export function ConveneDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const idempotency = useIdempotencyKey();
  const create = useCreateMeeting();
  const areas = (me.data?.memberships ?? []).filter(
    (m) => (m.role === "official" && m.area_code.length === 9) || m.role === "community_staff",
  );
  const [areaCode, setAreaCode] = useState<string | undefined>(undefined);
  const area = areaCode ?? areas[0]?.area_code;
  const options = useInviteeOptions(open ? area : undefined);
  const categories = useNeedCategoryOptions(open);
  const placeKind = Form.useWatch("place_kind", form);

  const submit = (values: Values) => {
    const invitees: InviteeCreate[] = [
      ...(values.users ?? []).map((id) => {
        const user = options.data?.users.find((u) => u.id === id);
        return { kind: user?.role === "social_worker" ? ("social_worker" as const) : ("staff" as const), user_id: id };
      }),
      ...(values.organizations ?? []).map((id) => ({ kind: "organization" as const, organization_id: id })),
      ...(values.representatives ?? []).map((name) => ({ kind: "resident_rep" as const, name })),
      ...(values.departments ?? []).map((name) => ({ kind: "department" as const, name })),
    ];
    const body: MeetingCreate = {
      title: values.title,
      area_code: values.area_code,
      starts_at: beijing(values.starts_at),
      ends_at: beijing(values.ends_at),
      place:
        values.place_kind === "online"
          ? { kind: "online", url: values.url ?? "" }
          : { kind: "facility", facility_id: values.facility_id ?? "" },
      invitees,
      agenda: (values.agenda ?? []).map((item) => ({
        kind: item.kind,
        title: item.title,
        ...(item.kind === "need_category" ? { need_category: item.need_category } : {}),
        ...(item.kind === "referral" ? { referral_id: item.referral_id } : {}),
        ...(item.kind === "project" || item.kind === "call" ? { link_id: item.link_id } : {}),
      })),
      schedule: values.schedule ?? false,
    };
    create.mutate(
      { ...body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: (saved) => {
          idempotency.reset();
          form.resetFields();
          onCreated(saved.id);
        },
        onError: (error) => showFieldErrors(form, error, ["title", "area_code", "starts_at", "ends_at"]),
      },
    );
  };

  return (
    <Drawer open={open} onClose={onClose} title={t("meetings.convene.title")} size="large" destroyOnHidden>
      {areas.length === 0 ? <Alert type="info" title={t("meetings.convene.noArea")} /> : null}
      <Form<Values>
        name="convene-meeting"
        form={form}
        layout="vertical"
        initialValues={{ area_code: areas[0]?.area_code, place_kind: "facility", schedule: true, agenda: [] }}
        onFinish={submit}
      >
        <Form.Item name="title" label={t("meetings.fields.title")} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="area_code" label={t("meetings.fields.area")} rules={[{ required: true }]}>
          <Select
            options={areas.map((m) => ({ value: m.area_code, label: m.area_name }))}
            onChange={(value: string) => setAreaCode(value)}
          />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="starts_at" label={t("meetings.fields.startsAt")} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="ends_at" label={t("meetings.fields.endsAt")} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Input type="datetime-local" />
          </Form.Item>
        </Flex>
        <Form.Item name="place_kind" label={t("meetings.fields.place")}>
          <Radio.Group
            options={[
              { value: "facility", label: t("meetings.place.facility") },
              { value: "online", label: t("meetings.place.online") },
            ]}
          />
        </Form.Item>
        {placeKind === "online" ? (
          <Form.Item name="url" label={t("meetings.place.url")} rules={[{ required: true, type: "url" }]}>
            <Input placeholder="https://" />
          </Form.Item>
        ) : (
          <Form.Item name="facility_id" label={t("meetings.place.facility")} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              options={(options.data?.facilities ?? []).map((f) => ({ value: f.id, label: f.name }))}
              notFoundContent={t("meetings.convene.noFacilities")}
            />
          </Form.Item>
        )}
        <Form.Item name="users" label={t("meetings.convene.users")}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: "label" }}
            options={(options.data?.users ?? [])
              .filter((u) => u.id !== me.data?.user.id)
              .map((u) => ({ value: u.id, label: `${u.name}（${t(`meetings.roles.${u.role}`, { defaultValue: u.role })}）` }))}
          />
        </Form.Item>
        <Form.Item name="organizations" label={t("meetings.convene.organizations")}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: "label" }}
            options={(options.data?.organizations ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="representatives" label={t("meetings.convene.representatives")}>
          <Select mode="tags" open={false} placeholder={t("meetings.convene.tagsHint")} />
        </Form.Item>
        <Form.Item name="departments" label={t("meetings.convene.departments")}>
          <Select mode="tags" open={false} placeholder={t("meetings.convene.tagsHint")} />
        </Form.Item>
        <Form.List name="agenda">
          {(fields, { add, remove }) => (
            <Form.Item label={t("meetings.fields.agenda")}>
              {fields.map((field) => (
                <AgendaRow
                  key={field.key}
                  name={field.name}
                  categories={categories.data?.items ?? []}
                  onRemove={() => remove(field.name)}
                />
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: "free", title: "" })}>
                {t("meetings.convene.addAgenda")}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="schedule" valuePropName="checked">
          <Checkbox>{t("meetings.convene.schedule")}</Checkbox>
        </Form.Item>
        {create.isError ? <ProblemAlert error={create.error} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" loading={create.isPending} disabled={areas.length === 0}>
          {t("meetings.convene.submit")}
        </Button>
      </Form>
    </Drawer>
  );
}

function AgendaRow({ name, categories, onRemove }: { name: number; categories: NeedCategory[]; onRemove: () => void }) {
  const { t } = useTranslation();
  const kind = Form.useWatch(["agenda", name, "kind"]) as AgendaKind | undefined;
  return (
    <Space align="start" wrap style={{ display: "flex", marginBottom: 8 }}>
      <Form.Item name={[name, "kind"]} noStyle>
        <Select
          style={{ width: 130 }}
          options={AgendaKindSchema.options.map((value) => ({ value, label: t(`meetings.agendaKind.${value}`) }))}
        />
      </Form.Item>
      <Form.Item name={[name, "title"]} noStyle rules={[{ required: true }]}>
        <Input placeholder={t("meetings.convene.agendaTitle")} style={{ width: 240 }} />
      </Form.Item>
      {kind === "need_category" ? (
        <Form.Item name={[name, "need_category"]} noStyle rules={[{ required: true }]}>
          <Select style={{ width: 160 }} options={categories.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
      ) : null}
      {kind === "referral" ? (
        <Form.Item name={[name, "referral_id"]} noStyle rules={[{ required: true }]}>
          <Input placeholder={t("meetings.convene.referralId")} style={{ width: 300 }} />
        </Form.Item>
      ) : null}
      {kind === "project" || kind === "call" ? (
        <Form.Item name={[name, "link_id"]} noStyle rules={[{ required: true }]}>
          <Input placeholder={t("meetings.convene.linkId")} style={{ width: 300 }} />
        </Form.Item>
      ) : null}
      <MinusCircleOutlined onClick={onRemove} aria-label={t("meetings.convene.removeAgenda")} />
    </Space>
  );
}
