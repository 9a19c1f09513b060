import { DatePicker, Form, Input } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { DATE_FORMAT, useDateRangePresets } from "../../../ui/dateRangePresets";
import { FilterSelectItem, SearchForm } from "../../../ui/FilterBar";
import type { AuditOutcome } from "../api";
import type { AuditFilterValues } from "../hooks/useAuditFilters";

type FormValues = {
  actor_login?: string;
  action?: string;
  entity_id?: string;
  outcome?: AuditOutcome;
  range?: [Dayjs | null, Dayjs | null] | null;
};

function toFormValues(filters: AuditFilterValues): FormValues {
  return {
    actor_login: filters.actor_login,
    action: filters.action,
    entity_id: filters.entity_id,
    outcome: filters.outcome,
    range:
      filters.from_day || filters.to_day
        ? [filters.from_day ? dayjs(filters.from_day) : null, filters.to_day ? dayjs(filters.to_day) : null]
        : null,
  };
}

/** Actor, action prefix, record, outcome and date range filters of the audit log. */
export function AuditFilters({ value, onChange }: { value: AuditFilterValues; onChange: (filters: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const presets = useDateRangePresets();

  useEffect(() => {
    form.setFieldsValue(toFormValues(value));
  }, [form, value]);

  return (
    <SearchForm<FormValues>
      name="audit-filters"
      form={form}
      onReset={() => onChange({})}
      resetLabel={t("audit.filters.reset")}
      applyLabel={t("audit.filters.apply")}
      onFinish={(values) =>
        onChange({
          actor_login: values.actor_login,
          action: values.action,
          entity_id: values.entity_id,
          outcome: values.outcome,
          // The picked days are Shanghai calendar days, whatever the browser's own time zone.
          from_day: values.range?.[0]?.format("YYYY-MM-DD"),
          to_day: values.range?.[1]?.format("YYYY-MM-DD"),
        })
      }
    >
      <Form.Item name="actor_login" label={t("audit.filters.actor")}>
        <Input allowClear placeholder={t("audit.filters.actorPlaceholder")} style={{ width: 160 }} maxLength={64} />
      </Form.Item>
      <Form.Item name="action" label={t("audit.filters.action")} tooltip={t("audit.filters.actionHint")}>
        <Input allowClear placeholder="users." style={{ width: 160 }} maxLength={64} />
      </Form.Item>
      <Form.Item name="entity_id" label={t("audit.filters.entity")}>
        <Input allowClear style={{ width: 160 }} maxLength={64} />
      </Form.Item>
      <FilterSelectItem
        name="outcome"
        label={t("audit.filters.outcome")}
        placeholder={t("audit.filters.any")}
        width={120}
        options={(["success", "denied", "failure"] as const).map((outcome) => ({
          value: outcome,
          label: t(`audit.outcome.${outcome}`),
        }))}
      />
      <Form.Item name="range" label={t("audit.filters.range")}>
        <DatePicker.RangePicker allowEmpty={[true, true]} format={DATE_FORMAT} presets={presets} />
      </Form.Item>
    </SearchForm>
  );
}
