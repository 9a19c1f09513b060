import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditOutcome } from "../api";

const OUTCOME_COLORS: Record<AuditOutcome, string> = {
  success: "green",
  denied: "orange",
  failure: "red",
};

/** 成功 / 拒绝 / 失败 tag of an audit record. */
export function AuditOutcomeTag({ outcome }: { outcome: AuditOutcome }) {
  const { t } = useTranslation();
  return <Tag color={OUTCOME_COLORS[outcome]}>{t(`audit.outcome.${outcome}`)}</Tag>;
}
