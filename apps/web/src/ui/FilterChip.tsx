import { Tag } from "antd";
import { useTranslation } from "react-i18next";

/**
 * A filter that came with the link (a 首页 to-do: "待我验收"), shown above the list with a way to drop
 * it: the list then shows everything again.
 */
export function FilterChip({ label, onClear }: { label: string; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Tag
      color="blue"
      closable
      onClose={onClear}
      closeIcon={<span aria-label={t("ui.filterChip.clear", { label })}>×</span>}
      style={{ marginBottom: 12 }}
      data-testid="filter-chip"
    >
      {label}
    </Tag>
  );
}
