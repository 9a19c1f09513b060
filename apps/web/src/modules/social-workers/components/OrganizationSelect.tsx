import { Select } from "antd";
import { useState } from "react";
import { useOrganizationOptions } from "../api";

type Props = {
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  /** The name of a select used without a form label (a list filter). */
  "aria-label"?: string;
};

/** Picks an organization in scope, searching by name on the server. */
export function OrganizationSelect({ value, onChange, placeholder, allowClear, id, "aria-label": ariaLabel }: Props) {
  const [q, setQ] = useState("");
  const organizations = useOrganizationOptions(q);
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear={allowClear}
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      placeholder={placeholder}
      loading={organizations.isFetching}
      options={(organizations.data?.items ?? []).map((organization) => ({ value: organization.id, label: organization.name }))}
      style={{ minWidth: 240 }}
    />
  );
}
