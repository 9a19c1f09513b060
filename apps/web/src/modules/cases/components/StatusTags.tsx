import type { CaseRiskLevel, CaseStatus } from "@sanshe/contracts";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const statusColors: Record<CaseStatus, string> = {
  intake: "default",
  planning: "blue",
  in_service: "processing",
  review: "gold",
  closed: "success",
};
const riskColors: Record<CaseRiskLevel, string> = { low: "green", medium: "orange", high: "red" };

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]}>{t(`cases.status.${status}`)}</Tag>;
}

export function RiskTag({ level }: { level: CaseRiskLevel }) {
  const { t } = useTranslation();
  return <Tag color={riskColors[level]}>{t(`cases.risk.${level}`)}</Tag>;
}
