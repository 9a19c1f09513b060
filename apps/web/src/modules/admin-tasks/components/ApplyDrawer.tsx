import {
  AdminTaskFrequencySchema,
  AdminTaskKindSchema,
  type AdminTaskCreate,
  type AdminTaskFrequency,
  type AdminTaskKind,
} from "@sanshe/contracts/admin-tasks";
import { Alert, App, Flex, Form, Input, InputNumber, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { FormDrawer } from "../../../ui/FormDrawer";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useMe } from "../../auth";
import { useApplyTask, useCatalog } from "../api";
import { shanghaiToday, yuanToFen } from "../format";
import { CommunityPicker } from "./CommunityPicker";

type Values = {
  department_id?: string;
  catalog_item_id?: string;
  title: string;
  legal_basis: string;
  kind: AdminTaskKind;
  description?: string;
  target_communities: string[];
  frequency: AdminTaskFrequency;
  hours_per_occurrence: number;
  funding_yuan: number | null;
  staff_provided: number | null;
  starts_on: string;
  ends_on: string;
};

const FIELDS = [
  "department_id",
  "catalog_item_id",
  "title",
  "legal_basis",
  "kind",
  "description",
  "target_communities",
  "frequency",
  "hours_per_occurrence",
  "staff_provided",
  "starts_on",
  "ends_on",
] as const;

/** 申请事项: a department asks to put a task on communities of its jurisdiction, with the money and staff it brings. */
export function ApplyDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const idempotency = useIdempotencyKey();
  const apply = useApplyTask();
  const departments = (me.data?.memberships ?? []).filter((m) => m.role === "department" && m.organization_id !== null);
  const departmentId = Form.useWatch("department_id", form);
  const department = departments.find((m) => m.organization_id === departmentId) ?? departments[0];
  const [catalogTerm, setCatalogTerm] = useState("");
  const catalog = useCatalog({ q: catalogTerm || undefined, area: department?.area_code, limit: 30 }, open);
  const catalogItemId = Form.useWatch("catalog_item_id", form);
  const pickedItem = catalog.data?.items.find((item) => item.id === catalogItemId);
  const today = shanghaiToday();

  const submit = (values: Values) => {
    const body: AdminTaskCreate = {
      ...(departments.length > 1 && values.department_id ? { department_id: values.department_id } : {}),
      catalog_item_id: values.catalog_item_id ?? null,
      title: values.title.trim(),
      legal_basis: values.legal_basis.trim(),
      kind: values.kind,
      description: values.description?.trim() || null,
      target_communities: values.target_communities,
      frequency: values.frequency,
      hours_per_occurrence: values.hours_per_occurrence,
      funding_fen_per_community: yuanToFen(values.funding_yuan),
      staff_provided: values.staff_provided ?? 0,
      starts_on: values.starts_on,
      ends_on: values.ends_on,
    };
    apply.mutate(
      { ...body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: (task) => {
          idempotency.reset();
          form.resetFields();
          void message.success(t("adminTasks.apply.created", { due: task.decision_due_on }));
          onCreated(task.id);
        },
        onError: (error) => {
          showFieldErrors(form, error, FIELDS);
        },
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t("adminTasks.apply.title")}
      size={640}
      cancelLabel={t("adminTasks.common.cancel")}
      submitLabel={t("adminTasks.apply.submit")}
      isSubmitting={apply.isPending}
      onSubmit={() => form.submit()}
    >
      {departments.length === 0 ? (
        <Alert type="warning" showIcon title={t("adminTasks.apply.noDepartment")} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        name="apply-task"
        form={form}
        layout="vertical"
        initialValues={{
          department_id: departments[0]?.organization_id ?? undefined,
          kind: "report",
          frequency: "monthly",
          hours_per_occurrence: 1,
          funding_yuan: 0,
          staff_provided: 0,
          starts_on: today,
          ends_on: `${today.slice(0, 4)}-12-31`,
          target_communities: [],
        }}
        onFinish={submit}
      >
        {departments.length > 1 ? (
          <Form.Item name="department_id" label={t("adminTasks.field.department")} rules={[{ required: true }]}>
            <Select options={departments.map((m) => ({ value: m.organization_id ?? "", label: m.organization_name ?? m.area_name }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="catalog_item_id" label={t("adminTasks.field.catalogItem")} extra={t("adminTasks.apply.catalogHelp")}>
          <Select
            allowClear
            placeholder={t("adminTasks.apply.catalogPlaceholder")}
            showSearch={{ filterOption: false, onSearch: setCatalogTerm }}
            loading={catalog.isFetching}
            options={(catalog.data?.items ?? []).map((item) => ({
              value: item.id,
              label: `${t(`adminTasks.listShort.${item.list}`)} · ${item.title}`,
            }))}
            onChange={(id: string | undefined) => {
              const item = catalog.data?.items.find((entry) => entry.id === id);
              if (item) {
                form.setFieldsValue({
                  title: (form.getFieldValue("title") as string | undefined) || item.title,
                  legal_basis: (form.getFieldValue("legal_basis") as string | undefined) || item.legal_basis,
                });
              }
            }}
          />
        </Form.Item>
        {pickedItem?.list === "negative" ? (
          <Alert type="warning" showIcon title={t("adminTasks.apply.negativeWarning")} style={{ marginBottom: 16 }} />
        ) : null}
        <Form.Item name="title" label={t("adminTasks.field.title")} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="legal_basis" label={t("adminTasks.field.legalBasis")} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="kind" label={t("adminTasks.field.kind")} rules={[{ required: true }]} style={{ flex: 1, minWidth: 180 }}>
            <Select options={AdminTaskKindSchema.options.map((value) => ({ value, label: t(`adminTasks.kind.${value}`) }))} />
          </Form.Item>
          <Form.Item
            name="frequency"
            label={t("adminTasks.field.frequency")}
            rules={[{ required: true }]}
            style={{ flex: 1, minWidth: 180 }}
          >
            <Select options={AdminTaskFrequencySchema.options.map((value) => ({ value, label: t(`adminTasks.frequency.${value}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t("adminTasks.field.description")} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="target_communities"
          label={t("adminTasks.field.targets")}
          extra={t("adminTasks.apply.targetsHelp")}
          rules={[{ required: true, type: "array", min: 1 }]}
        >
          <CommunityPicker rootArea={department?.area_code} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="hours_per_occurrence"
            label={t("adminTasks.field.hoursPerOccurrence")}
            rules={[{ required: true }]}
            style={{ flex: 1, minWidth: 160 }}
          >
            <InputNumber min={0} max={200} step={0.5} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="staff_provided" label={t("adminTasks.field.staffProvided")} style={{ flex: 1, minWidth: 160 }}>
            <InputNumber min={0} max={1000} precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </Flex>
        <Form.Item name="funding_yuan" label={t("adminTasks.field.fundingPerCommunity")} extra={t("adminTasks.apply.fundingHelp")}>
          <InputNumber min={0} max={10_000_000_000} precision={2} step={100} prefix="¥" style={{ width: "100%" }} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="starts_on"
            label={t("adminTasks.field.startsOn")}
            rules={[{ required: true }]}
            style={{ flex: 1, minWidth: 160 }}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="ends_on"
            label={t("adminTasks.field.endsOn")}
            dependencies={["starts_on"]}
            style={{ flex: 1, minWidth: 160 }}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) =>
                  !value || !getFieldValue("starts_on") || value >= (getFieldValue("starts_on") as string)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("adminTasks.apply.endBeforeStart"))),
              }),
            ]}
          >
            <Input type="date" />
          </Form.Item>
        </Flex>
        {apply.isError ? <ProblemAlert error={apply.error} /> : null}
      </Form>
    </FormDrawer>
  );
}
