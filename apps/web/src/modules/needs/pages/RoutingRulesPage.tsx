import type { RoutingRule, RoutingRuleCreate } from "@sanshe/contracts";
import { Button, Empty, Form, Input, InputNumber, Select, Switch, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useEnumLabel } from "../../../ui/enumLabels";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useMe } from "../../auth";
import { AreaCodeInput, AreaName } from "../../jurisdictions";
import { useCreateRule, useNeedCategories, useRoutingRules, useToggleRule } from "../api";
import { CreateFormDrawer } from "../components/CreateFormDrawer";
import { ProviderPicker } from "../components/ProviderPicker";

const tiers = ["public", "special", "professional", "personalized", "developmental"] as const;
const kinds = ["organization", "social_worker", "community_queue"] as const;

type RuleForm = Omit<RoutingRuleCreate, "resident_groups"> & { resident_groups?: string };

/** Officials' routing rules: inherited ones listed after their own, enable/disable, add. */
export function RoutingRulesPage() {
  const { t } = useTranslation();
  const rules = useRoutingRules();
  const enumLabel = useEnumLabel();
  const categories = useNeedCategories();
  const create = useCreateRule();
  const toggle = useToggleRule();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<RuleForm>();
  const providerKind = Form.useWatch("provider_kind", form) ?? "community_queue";
  const ruleArea = Form.useWatch("area_code", form);
  const categoryName = (code: string | null) =>
    code ? (categories.data?.items.find((c) => c.code === code)?.name ?? code) : t("needs.rules.any");
  const owner = me.data?.memberships.find((m) => m.role === "official")?.area_code;
  return (
    <>
      <PageHeader
        title={t("needs.rules.title")}
        subtitle={t("needs.rules.subtitle")}
        extra={
          <Button type="primary" onClick={() => setOpen(true)}>
            {t("needs.rules.add")}
          </Button>
        }
      />
      <ProblemAlert error={rules.error ?? toggle.error} style={{ marginBottom: 12 }} />
      <Table<RoutingRule>
        rowKey="id"
        loading={rules.isFetching}
        dataSource={rules.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t("needs.rules.empty")} /> }}
        columns={[
          { title: t("needs.field.owner"), dataIndex: "area_code", render: (_, r) => <AreaName code={r.area_code} via={owner} /> },
          { title: t("needs.field.position"), dataIndex: "position" },
          { title: t("needs.field.category"), render: (_, r) => categoryName(r.category) },
          {
            title: t("needs.field.groups"),
            render: (_, r) => r.resident_groups?.map((group) => enumLabel("residentGroup", group)).join("、") ?? t("needs.rules.any"),
          },
          { title: t("needs.field.tier"), render: (_, r) => t(`needs.tier.${r.tier}`) },
          { title: t("needs.field.providerKind"), render: (_, r) => t(`needs.providerKind.${r.provider_kind}`) },
          {
            title: t("needs.field.enabled"),
            render: (_, r) => (
              <Switch
                checked={r.enabled}
                disabled={!owner || !r.area_code.startsWith(owner)}
                aria-label={t("needs.rules.toggle", { position: r.position, category: categoryName(r.category) })}
                onChange={() => toggle.mutate(r)}
              />
            ),
          },
        ]}
      />
      <CreateFormDrawer<RuleForm>
        open={open}
        onClose={() => setOpen(false)}
        width={480}
        title={t("needs.rules.add")}
        form={form}
        error={create.error}
        isSubmitting={create.isPending}
        initialValues={{ area_code: owner, position: 10, tier: "special", provider_kind: "community_queue", enabled: true }}
        onFinish={(values) => {
          const groups = values.resident_groups
            ?.split(/[,，、]/)
            .map((g) => g.trim())
            .filter(Boolean);
          create.mutate(
            {
              ...values,
              category: values.category ?? null,
              area_prefix: values.area_prefix || null,
              provider_id: values.provider_id || null,
              resident_groups: groups?.length ? groups : null,
            },
            {
              onSuccess: () => {
                form.resetFields();
                setOpen(false);
              },
            },
          );
        }}
      >
        <Form.Item name="area_code" label={t("needs.field.owner")} rules={[{ required: true }]}>
          <AreaCodeInput />
        </Form.Item>
        <Form.Item name="position" label={t("needs.field.position")} rules={[{ required: true }]}>
          <InputNumber min={0} max={10000} />
        </Form.Item>
        <Form.Item name="category" label={t("needs.field.category")}>
          <Select allowClear options={categories.data?.items.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        <Form.Item name="resident_groups" label={t("needs.field.groups")}>
          <Input />
        </Form.Item>
        <Form.Item name="area_prefix" label={t("needs.field.areaPrefix")}>
          <AreaCodeInput />
        </Form.Item>
        <Form.Item name="tier" label={t("needs.field.tier")}>
          <Select options={tiers.map((tier) => ({ value: tier, label: t(`needs.tier.${tier}`) }))} />
        </Form.Item>
        <Form.Item name="provider_kind" label={t("needs.field.providerKind")}>
          <Select
            options={kinds.map((kind) => ({ value: kind, label: t(`needs.providerKind.${kind}`) }))}
            onChange={() => form.setFieldValue("provider_id", null)}
          />
        </Form.Item>
        <Form.Item
          name="provider_id"
          label={t("needs.field.provider")}
          rules={[{ required: providerKind !== "community_queue", message: t("needs.rules.providerRequired") }]}
        >
          <ProviderPicker kind={providerKind} areaCode={ruleArea} />
        </Form.Item>
        <Form.Item name="enabled" label={t("needs.field.enabled")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </CreateFormDrawer>
    </>
  );
}
