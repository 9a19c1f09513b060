import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import type { Meeting, ResolutionCreate } from "@sanshe/contracts";
import { Button, Form, Input, Modal, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useAddResolution, useInviteeOptions } from "../api";

type ItemValues = { owner: string; owner_user_id: string; due_on: string; expected_result: string };
type Values = { text: string; action_items?: ItemValues[] };

/** 记录决议: the decision on one agenda item and its action items (owner unit and person, due date, result). */
export function ResolutionModal({
  meeting,
  agendaItemId,
  onClose,
}: {
  meeting: Meeting;
  agendaItemId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const add = useAddResolution(meeting.id);
  const idempotency = useIdempotencyKey();
  const options = useInviteeOptions(agendaItemId ? meeting.area_code : undefined);
  const units = [
    {
      label: t("meetings.resolution.unitGroups.organization"),
      options: (options.data?.organizations ?? []).map((o) => ({ value: `org:${o.id}`, label: o.name })),
    },
    {
      label: t("meetings.resolution.unitGroups.community"),
      options: (options.data?.communities ?? []).map((c) => ({ value: `community:${c.code}`, label: c.name })),
    },
    {
      label: t("meetings.resolution.unitGroups.department"),
      options: (options.data?.departments ?? []).map((d) => ({ value: `department:${d.id}`, label: d.name })),
    },
  ].filter((group) => group.options.length > 0);
  /** The people of the chosen unit: an organization's staff and workers, a community's staff, a department's accounts. */
  const peopleOf = (unit: string | undefined) => {
    if (!unit) {
      return [];
    }
    const [kind, id] = unit.split(":") as [string, string];
    const seen = new Set<string>();
    return (options.data?.users ?? [])
      .filter((u) =>
        kind === "org"
          ? (u.role === "org_staff" || u.role === "social_worker") && u.organization_id === id
          : kind === "community"
            ? u.role === "community_staff" && u.area_code === id
            : u.role === "department" && u.organization_id === id,
      )
      .filter((u) => !seen.has(u.id) && Boolean(seen.add(u.id)))
      .map((u) => ({ value: u.id, label: u.name }));
  };

  const submit = (values: Values) => {
    const body: ResolutionCreate = {
      agenda_item_id: agendaItemId ?? "",
      text: values.text,
      action_items: (values.action_items ?? []).map((item) => {
        const [kind, id] = item.owner.split(":") as [string, string];
        return {
          ...(kind === "org"
            ? { owner_kind: "organization" as const, owner_organization_id: id }
            : kind === "department"
              ? { owner_kind: "department" as const, owner_department_id: id }
              : { owner_kind: "community" as const, owner_community_code: id }),
          owner_user_id: item.owner_user_id,
          due_on: item.due_on,
          expected_result: item.expected_result,
        };
      }),
    };
    add.mutate(
      { ...body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: () => {
          idempotency.reset();
          form.resetFields();
          onClose();
        },
        onError: (error) => showFieldErrors(form, error, ["text", "action_items"]),
      },
    );
  };

  return (
    <Modal
      open={agendaItemId !== null}
      title={t("meetings.resolution.title")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      width={860}
      destroyOnHidden
    >
      <Form<Values> name="resolution" form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="text" label={t("meetings.resolution.text")} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.List name="action_items">
          {(fields, { add: addRow, remove }) => (
            <Form.Item label={t("meetings.resolution.items")}>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap style={{ display: "flex", marginBottom: 8 }}>
                  <Form.Item name={[field.name, "owner"]} rules={[{ required: true }]} noStyle>
                    <Select
                      placeholder={t("meetings.resolution.ownerUnit")}
                      style={{ width: 200 }}
                      options={units}
                      showSearch={{ optionFilterProp: "label" }}
                      aria-label={t("meetings.resolution.ownerUnit")}
                      onChange={() => form.setFieldValue(["action_items", field.name, "owner_user_id"], undefined)}
                    />
                  </Form.Item>
                  <Form.Item noStyle dependencies={[["action_items", field.name, "owner"]]}>
                    {() => {
                      const unit = form.getFieldValue(["action_items", field.name, "owner"]) as string | undefined;
                      const people = peopleOf(unit);
                      return (
                        <Form.Item name={[field.name, "owner_user_id"]} rules={[{ required: true }]} noStyle>
                          <Select
                            placeholder={unit ? t("meetings.resolution.ownerUser") : t("meetings.resolution.pickUnitFirst")}
                            aria-label={t("meetings.resolution.ownerUser")}
                            style={{ width: 200 }}
                            disabled={!unit}
                            notFoundContent={t("meetings.resolution.noPeople")}
                            showSearch={{ optionFilterProp: "label" }}
                            options={people}
                          />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                  <Form.Item name={[field.name, "due_on"]} rules={[{ required: true }]} noStyle>
                    <Input type="date" aria-label={t("meetings.resolution.dueOn")} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, "expected_result"]} rules={[{ required: true }]} noStyle>
                    <Input
                      placeholder={t("meetings.resolution.expected")}
                      aria-label={t("meetings.resolution.expected")}
                      style={{ width: 220 }}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => addRow()}>
                {t("meetings.resolution.addItem")}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        {add.isError ? <ProblemAlert error={add.error} /> : null}
      </Form>
    </Modal>
  );
}
