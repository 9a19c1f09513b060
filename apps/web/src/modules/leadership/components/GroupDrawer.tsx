import type { LeadershipGroup, LeadershipGroupCreate } from "@sanshe/contracts/leadership";
import { Button, Flex, Form, Input, Select } from "antd";
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { FormDrawer } from "../../../ui/FormDrawer";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useCreateGroup, useUpdateGroup } from "../api";

type Values = Omit<LeadershipGroupCreate, "lead_department_id">;
const fields = ["area_code", "name", "leader_name", "leader_title", "in_charge_name", "in_charge_title", "lead_department_name", "members"];
const memberRoles = ["leader", "deputy", "member", "office_director"] as const;

/** Empty text fields become null (the API's "not given"). */
const orNull = (value: string | null | undefined) => (value && value.trim() !== "" ? value : null);

/** Creates a leadership group (with `defaultArea`) or edits `group`: leaders, lead department and the members list. */
export function GroupDrawer({
  open,
  onClose,
  group,
  defaultArea,
}: {
  open: boolean;
  onClose: () => void;
  group?: LeadershipGroup;
  defaultArea?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const idempotency = useIdempotencyKey();
  const mutation = group ? update : create;
  const submit = (values: Values) => {
    const common = {
      name: values.name,
      leader_name: values.leader_name,
      leader_title: orNull(values.leader_title),
      in_charge_name: orNull(values.in_charge_name),
      in_charge_title: orNull(values.in_charge_title),
      lead_department_name: orNull(values.lead_department_name),
      members: (values.members ?? []).map((m) => ({
        name: m.name,
        title: orNull(m.title),
        unit: orNull(m.unit),
        role: m.role ?? "member",
      })),
    };
    const onError = (error: unknown) => showFieldErrors(form, error, fields);
    const onSuccess = () => {
      idempotency.reset();
      onClose();
    };
    if (group) {
      update.mutate({ id: group.id, body: { ...common, version: group.version } }, { onSuccess, onError });
    } else {
      const body = { ...common, area_code: values.area_code, lead_department_id: null };
      create.mutate({ body, idempotencyKey: idempotency.keyFor(body) }, { onSuccess, onError });
    }
  };
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={group ? t("leadership.group.edit") : t("leadership.group.create")}
      size={640}
      cancelLabel={t("leadership.common.cancel")}
      submitLabel={t("leadership.common.save")}
      isSubmitting={mutation.isPending}
      onSubmit={() => form.submit()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="leadership-group"
        onFinish={submit}
        initialValues={
          group
            ? { ...group, members: group.members.map((m) => ({ name: m.name, title: m.title, unit: m.unit, role: m.role })) }
            : { area_code: defaultArea, members: [{ name: "", role: "leader" }] }
        }
      >
        {group ? null : (
          <Form.Item
            name="area_code"
            label={t("leadership.fields.areaCode")}
            extra={t("leadership.fields.areaCodeHelp")}
            rules={[{ required: true }]}
          >
            <Input />
          </Form.Item>
        )}
        <Form.Item name="name" label={t("leadership.fields.groupName")} rules={[{ required: true, max: 120 }]}>
          <Input placeholder={t("leadership.fields.groupNamePlaceholder")} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="leader_name" label={t("leadership.fields.leader")} rules={[{ required: true, max: 40 }]} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="leader_title" label={t("leadership.fields.leaderTitle")} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item name="in_charge_name" label={t("leadership.fields.inCharge")} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="in_charge_title" label={t("leadership.fields.inChargeTitle")} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Flex>
        <Form.Item name="lead_department_name" label={t("leadership.fields.leadDepartment")}>
          <Input />
        </Form.Item>
        <Form.List name="members">
          {(items, { add, remove }) => (
            <>
              <div style={{ marginBottom: 8 }}>{t("leadership.fields.members")}</div>
              {items.map((item) => (
                <Flex key={item.key} gap={8} align="baseline">
                  <Form.Item name={[item.name, "name"]} rules={[{ required: true, max: 40 }]} style={{ flex: 1 }}>
                    <Input placeholder={t("leadership.member.name")} aria-label={t("leadership.member.name")} />
                  </Form.Item>
                  <Form.Item name={[item.name, "title"]} style={{ flex: 1 }}>
                    <Input placeholder={t("leadership.member.title")} aria-label={t("leadership.member.title")} />
                  </Form.Item>
                  <Form.Item name={[item.name, "unit"]} style={{ flex: 1 }}>
                    <Input placeholder={t("leadership.member.unit")} aria-label={t("leadership.member.unit")} />
                  </Form.Item>
                  <Form.Item name={[item.name, "role"]} initialValue="member" style={{ width: 130 }}>
                    <Select
                      aria-label={t("leadership.member.role")}
                      options={memberRoles.map((role) => ({ value: role, label: t(`leadership.memberRole.${role}`) }))}
                    />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t("leadership.member.remove")} onClick={() => remove(item.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: "member" })} block>
                {t("leadership.member.add")}
              </Button>
            </>
          )}
        </Form.List>
        {mutation.isError ? <ProblemAlert error={mutation.error} style={{ marginTop: 16 }} /> : null}
      </Form>
    </FormDrawer>
  );
}
