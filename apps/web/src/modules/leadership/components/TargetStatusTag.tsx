import type { PlanTarget } from "@sanshe/contracts/leadership";
import { Progress, Tag } from "antd";
import { useTranslation } from "react-i18next";

const colors = { on_track: "processing", achieved: "success", overdue: "error" } as const;

/** A target's status as a coloured tag (达标 / 推进中 / 逾期). */
export function TargetStatusTag({ target }: { target: PlanTarget }) {
  const { t } = useTranslation();
  return <Tag color={colors[target.status]}>{t(`leadership.targetStatus.${target.status}`)}</Tag>;
}

/** A target's progress toward its value as a bar; a dash without a value. */
export function TargetProgress({ target }: { target: PlanTarget }) {
  const { t } = useTranslation();
  if (target.progress === null) {
    return <span>—</span>;
  }
  const status = target.status === "achieved" ? "success" : target.status === "overdue" ? "exception" : "active";
  const percent = Math.round(target.progress * 100);
  return (
    <Progress
      percent={percent}
      size="small"
      status={status}
      aria-label={t("leadership.progressLabel", { percent })}
      style={{ minWidth: 120 }}
    />
  );
}

/** A value in the indicator's unit: 28.5%, 1.8‰ (per 1,000), or the bare number. */
export function formatTargetValue(value: number | null, unit: PlanTarget["unit"]): string {
  if (value === null) {
    return "—";
  }
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(2);
  return unit === "percent" ? `${shown}%` : unit === "per_1000" ? `${shown}‰` : shown;
}
