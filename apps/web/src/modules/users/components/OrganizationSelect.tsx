import { Select } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDepartmentOptions, useOrganizationOptions } from "../api";

type OrganizationSelectProps = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  "aria-invalid"?: boolean;
  /** departments: the government departments a department account is tied to; else social organizations. */
  kind?: "organizations" | "departments";
};

/**
 * Searchable picker of social organizations (`GET /social-orgs/refs?q=`) or, for department accounts,
 * of government departments (`GET /departments/refs?q=`), searched on the server.
 */
export function OrganizationSelect({ id, value, onChange, kind = "organizations", ...rest }: OrganizationSelectProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const timer = useRef<number | undefined>(undefined);
  const socialOrgs = useOrganizationOptions(query, kind === "organizations");
  const departments = useDepartmentOptions(query, kind === "departments");
  const organizations = kind === "departments" ? departments : socialOrgs;

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return (
    <Select
      id={id}
      aria-invalid={rest["aria-invalid"]}
      showSearch={{
        filterOption: false,
        onSearch: (text) => {
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => setQuery(text.trim()), 300);
        },
      }}
      allowClear
      popupMatchSelectWidth={false}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      loading={organizations.isFetching}
      placeholder={t("users.membership.organizationPlaceholder")}
      notFoundContent={organizations.isError ? t("users.membership.organizationError") : t("users.membership.organizationNone")}
      options={(organizations.data?.items ?? []).map((organization) => ({
        value: organization.id,
        label: `${organization.name} · ${organization.area_code}`,
      }))}
    />
  );
}
