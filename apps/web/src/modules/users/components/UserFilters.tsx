import type { Role, UserStatus } from "@sanshe/contracts";
import { Form, Input } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { FilterSelectItem, SearchForm } from "../../../ui/FilterBar";
import { ROLES, useRoleLabel } from "../../auth";
import type { UserListFilters } from "../api";

const USER_STATUSES: UserStatus[] = ["active", "disabled"];

type FilterValues = { q?: string; role?: Role; status?: UserStatus };

/** Search, role and status filters of the account list; applied on the server. */
export function UserFilters({ value, onChange }: { value: UserListFilters; onChange: (filters: UserListFilters) => void }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const [form] = Form.useForm<FilterValues>();

  useEffect(() => {
    form.setFieldsValue({ q: value.q, role: value.role, status: value.status });
  }, [form, value.q, value.role, value.status]);

  const apply = () => {
    const values = form.getFieldsValue();
    onChange({ q: values.q, role: values.role, status: values.status });
  };

  return (
    <SearchForm<FilterValues>
      name="user-filters"
      form={form}
      onFinish={apply}
      onReset={() => onChange({})}
      resetLabel={t("users.filters.reset")}
    >
      <Form.Item name="q" label={t("users.filters.search")}>
        <Input.Search allowClear placeholder={t("users.filters.searchPlaceholder")} onSearch={apply} style={{ width: 240 }} />
      </Form.Item>
      <FilterSelectItem
        name="role"
        label={t("users.filters.role")}
        placeholder={t("users.filters.any")}
        width={180}
        onChange={apply}
        options={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
      />
      <FilterSelectItem
        name="status"
        label={t("users.filters.status")}
        placeholder={t("users.filters.any")}
        width={120}
        onChange={apply}
        options={USER_STATUSES.map((status) => ({ value: status, label: t(`users.status.${status}`) }))}
      />
    </SearchForm>
  );
}
