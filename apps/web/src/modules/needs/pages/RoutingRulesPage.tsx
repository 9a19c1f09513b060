import type { ResidentGroup, RoutingRule, RoutingRuleCreate, RoutingRulePreview } from "@sanshe/contracts";
import { App, Button, Empty, Form, InputNumber, List, Popconfirm, Select, Space, Switch, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { isProblem } from "../../../ui/api";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useMe } from "../../auth";
import { AreaCodeInput, AreaName } from "../../jurisdictions";
import { useCreateRule, useDeleteRule, useNeedCategories, useRoutingRules, useRulePreview, useToggleRule, useUpdateRule } from "../api";
import { CreateFormDrawer } from "../components/CreateFormDrawer";
import { ProviderPicker } from "../components/ProviderPicker";

const tiers = ["public", "special", "professional", "personalized", "developmental"] as const;
const kinds = ["organization", "social_worker", "community_queue"] as const;
const groups: readonly ResidentGroup[] = ["elderly_alone", "disabled", "veteran_family", "low_income", "minor", "unemployed", "migrant"];
const AREA_CODE = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

type RuleForm = Omit<RoutingRuleCreate, "confirm_catch_all" | "resident_groups" | "category" | "area_prefix"> & {
  category?: string | null;
  resident_groups?: string[];
  area_prefix?: string | null;
};

/** The conditions of the form as a preview request, once the owner is a whole area code; null before. */
function previewOf(values: Partial<RuleForm> | undefined): RoutingRulePreview | null {
  if (!values?.area_code || !AREA_CODE.test(values.area_code)) {
    return null;
  }
  const prefix = values.area_prefix && AREA_CODE.test(values.area_prefix) ? values.area_prefix : null;
  return {
    area_code: values.area_code,
    category: values.category ?? null,
    resident_groups: values.resident_groups?.length ? values.resident_groups : null,
    area_prefix: prefix,
  };
}

/** The same value, `delay` ms after it last changed (the preview asks once the official stops typing). */
function useSettled<T>(value: T, delay = 400): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [key, delay]);
  return settled;
}

/** What the rule being edited would catch among the recent needs of the official's scope. */
function RulePreview({ input, categoryName }: { input: RoutingRulePreview | null; categoryName: (code: string | null) => string }) {
  const { t, i18n } = useTranslation();
  const preview = useRulePreview(useSettled(input));
  if (!input) {
    return null;
  }
  return (
    <section aria-labelledby="routing-preview-title" aria-live="polite" style={{ marginBottom: 16 }}>
      <Typography.Title level={5} id="routing-preview-title">
        {t("needs.rules.preview.title")}
      </Typography.Title>
      <ProblemAlert error={preview.error} style={{ marginBottom: 8 }} />
      {preview.data ? (
        <>
          <Typography.Paragraph>
            {t("needs.rules.preview.count", { count: preview.data.count, days: preview.data.days })}
          </Typography.Paragraph>
          {preview.data.items.length > 0 ? (
            <List
              size="small"
              bordered
              dataSource={preview.data.items}
              renderItem={(item) => (
                <List.Item>
                  <Link to={`/needs/${item.id}`}>
                    {new Date(item.created_at).toLocaleDateString(i18n.language)} · <AreaName code={item.area_code} /> ·{" "}
                    {categoryName(item.category)} · {t(`needs.urgency.${item.urgency}`)}
                  </Link>
                </List.Item>
              )}
            />
          ) : null}
        </>
      ) : (
        <Typography.Text type="secondary">{t("needs.rules.preview.loading")}</Typography.Text>
      )}
    </section>
  );
}

/**
 * Officials' routing rules: inherited ones listed after their own; add, edit and delete their own
 * (with the version read), with the categories, resident groups and areas picked from lists, a preview
 * of the recent needs a rule would catch, and an explicit confirmation for a catch-all rule.
 */
export function RoutingRulesPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const rules = useRoutingRules();
  const categories = useNeedCategories();
  const create = useCreateRule();
  const update = useUpdateRule();
  const remove = useDeleteRule();
  const toggle = useToggleRule();
  const me = useMe();
  const [editing, setEditing] = useState<RoutingRule | "new" | null>(null);
  const [form] = Form.useForm<RuleForm>();
  const values = Form.useWatch([], form) as Partial<RuleForm> | undefined;
  const providerKind = values?.provider_kind ?? "community_queue";
  const categoryName = (code: string | null) =>
    code ? (categories.data?.items.find((c) => c.code === code)?.name ?? code) : t("needs.rules.any");
  const owner = me.data?.memberships.find((m) => m.role === "official")?.area_code;
  const ownsRule = (rule: RoutingRule) => !!owner && rule.area_code.startsWith(owner);
  const current = editing !== null && editing !== "new" ? editing : null;
  const saving = current ? update : create;

  const close = () => {
    setEditing(null);
    form.resetFields();
    create.reset();
    update.reset();
  };
  const openEditor = (rule: RoutingRule | "new") => {
    create.reset();
    update.reset();
    setEditing(rule);
    form.setFieldsValue(
      rule === "new"
        ? {
            area_code: owner,
            position: 10,
            tier: "special",
            provider_kind: "community_queue",
            enabled: true,
            category: null,
            resident_groups: [],
            area_prefix: null,
            provider_id: null,
          }
        : {
            area_code: rule.area_code,
            position: rule.position,
            category: rule.category,
            resident_groups: rule.resident_groups ?? [],
            area_prefix: rule.area_prefix,
            tier: rule.tier,
            provider_kind: rule.provider_kind,
            provider_id: rule.provider_id,
            enabled: rule.enabled,
          },
    );
  };

  const save = (formValues: RuleForm, confirmCatchAll: boolean) => {
    const data = {
      position: formValues.position,
      category: formValues.category ?? null,
      resident_groups: formValues.resident_groups?.length ? formValues.resident_groups : null,
      area_prefix: formValues.area_prefix || null,
      tier: formValues.tier,
      provider_kind: formValues.provider_kind,
      provider_id: formValues.provider_id || null,
      enabled: formValues.enabled,
    };
    const confirm = confirmCatchAll ? { confirm_catch_all: true } : {};
    if (current) {
      update.mutate({ id: current.id, body: { version: current.version, data, ...confirm } }, { onSuccess: close });
    } else {
      create.mutate({ area_code: formValues.area_code, ...data, ...confirm }, { onSuccess: close });
    }
  };

  const submit = (formValues: RuleForm) => {
    const catchAll = !formValues.category && !formValues.resident_groups?.length;
    const wasCatchAll = current !== null && current.enabled && current.category === null && !current.resident_groups?.length;
    if (!catchAll || !formValues.enabled || wasCatchAll) {
      save(formValues, false);
      return;
    }
    modal.confirm({
      title: t("needs.rules.catchAll.title"),
      content: t("needs.rules.catchAll.body"),
      okText: t("needs.rules.catchAll.ok"),
      cancelText: t("needs.rules.cancel"),
      onOk: () => save(formValues, true),
    });
  };

  return (
    <>
      <PageHeader
        title={t("needs.rules.title")}
        subtitle={t("needs.rules.subtitle")}
        extra={
          <Button type="primary" onClick={() => openEditor("new")}>
            {t("needs.rules.add")}
          </Button>
        }
      />
      <ProblemAlert
        error={rules.error ?? toggle.error ?? remove.error ?? (editing === null ? update.error : null)}
        style={{ marginBottom: 12 }}
      />
      <Table<RoutingRule>
        rowKey="id"
        loading={rules.isFetching}
        dataSource={rules.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t("needs.rules.empty")} /> }}
        columns={[
          { title: t("needs.field.owner"), render: (_, r) => <AreaName code={r.area_code} via={owner} /> },
          { title: t("needs.field.position"), dataIndex: "position" },
          { title: t("needs.field.category"), render: (_, r) => categoryName(r.category) },
          {
            title: t("needs.rules.groups"),
            render: (_, r) =>
              r.resident_groups?.length ? r.resident_groups.map((g) => t(`needs.group.${g}`)).join("、") : t("needs.rules.any"),
          },
          {
            title: t("needs.rules.area"),
            render: (_, r) => (r.area_prefix ? <AreaName code={r.area_prefix} via={owner} /> : t("needs.rules.wholeOwner")),
          },
          { title: t("needs.field.tier"), render: (_, r) => t(`needs.tier.${r.tier}`) },
          { title: t("needs.field.providerKind"), render: (_, r) => t(`needs.providerKind.${r.provider_kind}`) },
          {
            title: t("needs.field.enabled"),
            render: (_, r) => (
              <Switch
                checked={r.enabled}
                aria-label={t("needs.rules.toggle", { position: r.position, category: categoryName(r.category) })}
                disabled={!ownsRule(r)}
                onChange={() => {
                  if (r.enabled || r.category !== null || r.resident_groups?.length) {
                    toggle.mutate(r);
                    return;
                  }
                  modal.confirm({
                    title: t("needs.rules.catchAll.title"),
                    content: t("needs.rules.catchAll.body"),
                    okText: t("needs.rules.catchAll.ok"),
                    cancelText: t("needs.rules.cancel"),
                    onOk: () =>
                      update.mutateAsync({ id: r.id, body: { version: r.version, data: { enabled: true }, confirm_catch_all: true } }),
                  });
                }}
              />
            ),
          },
          {
            title: t("needs.rules.actions"),
            render: (_, r) =>
              ownsRule(r) ? (
                <Space>
                  <Button size="small" onClick={() => openEditor(r)}>
                    {t("needs.rules.edit")}
                  </Button>
                  <Popconfirm
                    title={t("needs.rules.delete.title")}
                    description={t("needs.rules.delete.body")}
                    okText={t("needs.rules.delete.ok")}
                    cancelText={t("needs.rules.cancel")}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove.mutate(r)}
                  >
                    <Button size="small" danger>
                      {t("needs.rules.delete.action")}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
      <CreateFormDrawer<RuleForm>
        open={editing !== null}
        onClose={close}
        width={520}
        title={current ? t("needs.rules.editTitle") : t("needs.rules.add")}
        form={form}
        error={isProblem(saving.error, "VERSION_CONFLICT") ? null : saving.error}
        isSubmitting={saving.isPending}
        initialValues={{}}
        onFinish={submit}
      >
        {isProblem(saving.error, "VERSION_CONFLICT") ? (
          <Typography.Paragraph type="danger" role="alert">
            {t("needs.rules.stale")}
          </Typography.Paragraph>
        ) : null}
        {current ? (
          <Form.Item label={t("needs.field.owner")}>
            <AreaName code={current.area_code} via={owner} />
          </Form.Item>
        ) : null}
        <Form.Item name="area_code" label={t("needs.field.owner")} rules={[{ required: true }]} hidden={current !== null}>
          <AreaCodeInput />
        </Form.Item>
        <Form.Item name="position" label={t("needs.field.position")} rules={[{ required: true }]}>
          <InputNumber min={0} max={10000} />
        </Form.Item>
        <Form.Item name="category" label={t("needs.field.category")} extra={t("needs.rules.anyHint")}>
          <Select
            allowClear
            placeholder={t("needs.rules.any")}
            options={categories.data?.items.map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="resident_groups" label={t("needs.rules.groups")} extra={t("needs.rules.anyHint")}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t("needs.rules.any")}
            options={groups.map((g) => ({ value: g, label: t(`needs.group.${g}`) }))}
          />
        </Form.Item>
        <Form.Item name="area_prefix" label={t("needs.rules.area")} extra={t("needs.rules.areaHint")}>
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
          <ProviderPicker kind={providerKind} areaCode={values?.area_code} />
        </Form.Item>
        <Form.Item name="enabled" label={t("needs.field.enabled")} valuePropName="checked">
          <Switch />
        </Form.Item>
        <RulePreview input={previewOf(values)} categoryName={categoryName} />
      </CreateFormDrawer>
    </>
  );
}
