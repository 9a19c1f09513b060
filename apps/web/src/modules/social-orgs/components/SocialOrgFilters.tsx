import { Form, Input, Select } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { FilterSelectItem, SearchForm } from "../../../ui/FilterBar";
import type { SocialOrgListFilters } from "../api";
import { CATEGORIES, GRADES, REGISTRATIONS, SORTS, STATUSES } from "./options";

/** Search, filters and sort of the organization list; applied on the server. */
export function SocialOrgFilters({ value, onChange }: { value: SocialOrgListFilters; onChange: (filters: SocialOrgListFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SocialOrgListFilters>();

  useEffect(() => {
    form.setFieldsValue(value);
  }, [form, value]);

  const apply = () => onChange(form.getFieldsValue());
  const select = (name: keyof SocialOrgListFilters, options: Array<{ value: string; label: string }>, width = 150) => (
    <FilterSelectItem
      name={name}
      label={t(`socialOrgs.fields.${name}`)}
      placeholder={t("socialOrgs.filters.any")}
      width={width}
      onChange={apply}
      options={options}
    />
  );

  return (
    <SearchForm<SocialOrgListFilters>
      name="social-org-filters"
      form={form}
      onFinish={apply}
      onReset={() => onChange({})}
      resetLabel={t("socialOrgs.filters.reset")}
    >
      <Form.Item name="q" label={t("socialOrgs.filters.search")}>
        <Input.Search allowClear placeholder={t("socialOrgs.filters.searchPlaceholder")} onSearch={apply} style={{ width: 220 }} />
      </Form.Item>
      {select(
        "category",
        CATEGORIES.map((v) => ({ value: v, label: t(`socialOrgs.category.${v}`) })),
      )}
      {select(
        "grade",
        GRADES.map((v) => ({ value: v, label: v })),
        100,
      )}
      {select(
        "status",
        STATUSES.map((v) => ({ value: v, label: t(`socialOrgs.status.${v}`) })),
        120,
      )}
      {select(
        "registration",
        REGISTRATIONS.map((v) => ({ value: v, label: t(`socialOrgs.registration.${v}`) })),
        110,
      )}
      <Form.Item name="sort" label={t("socialOrgs.sort.label")}>
        <Select
          style={{ width: 140 }}
          onChange={apply}
          options={SORTS.map((v) => ({ value: v, label: t(`socialOrgs.sort.${v}`) }))}
          placeholder={t("socialOrgs.sort.name")}
        />
      </Form.Item>
    </SearchForm>
  );
}
