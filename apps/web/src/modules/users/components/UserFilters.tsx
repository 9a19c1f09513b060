import type { Role, UserStatus } from "@sanshe/contracts";
import { Button, Form, Input, Select } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ROLES, useRoleLabel } from "../../auth";
import type { UserListFilters } from "../api";

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
    <Form<FilterValues>
      name="user-filters"
      form={form}
      layout="inline"
      onFinish={apply}
      style={{ rowGap: 12, marginBottom: 16 }}
      role="search"
    >
      <Form.Item name="q" label={t("users.filters.search")}>
        <Input.Search allowClear placeholder={t("users.filters.searchPlaceholder")} onSearch={apply} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="role" label={t("users.filters.role")}>
        <Select
          allowClear
          placeholder={t("users.filters.any")}
          style={{ width: 180 }}
          onChange={apply}
          options={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
        />
      </Form.Item>
      <Form.Item name="status" label={t("users.filters.status")}>
        <Select
          allowClear
          placeholder={t("users.filters.any")}
          style={{ width: 120 }}
          onChange={apply}
          options={[
            { value: "active", label: t("users.status.active") },
            { value: "disabled", label: t("users.status.disabled") },
          ]}
        />
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t("users.filters.reset")}
        </Button>
      </Form.Item>
    </Form>
  );
}
