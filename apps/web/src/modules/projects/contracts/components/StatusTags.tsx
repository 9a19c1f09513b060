import type { ContractStatus, Milestone, ProjectEvaluationGrade } from "@sanshe/contracts";
import { Space, Tag } from "antd";
import { useTranslation } from "react-i18next";

const contractColors: Record<ContractStatus, string> = {
  active: "processing",
  closing: "warning",
  closed: "success",
  terminated: "default",
};
const gradeColors: Record<ProjectEvaluationGrade, string> = { excellent: "green", good: "blue", pass: "gold", fail: "red" };

/** 履约中 / 结项评估中 / 已结项 / 已终止. */
export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const { t } = useTranslation();
  return <Tag color={contractColors[status]}>{t(`contracts.status.${status}`)}</Tag>;
}

type MilestoneStatusKey = "due" | "overdue" | "reported" | "returned" | "accepted";
const milestoneColors: Record<MilestoneStatusKey, string | undefined> = {
  due: undefined,
  overdue: "red",
  reported: "processing",
  returned: "orange",
  accepted: "success",
};

/** A milestone's state as people read it (due, overdue, reported, returned, accepted), then "overdue" again when a report came late. */
export function milestoneStatusKeys(milestone: Pick<Milestone, "status" | "overdue">): MilestoneStatusKey[] {
  const main: MilestoneStatusKey =
    milestone.status === "pending"
      ? milestone.overdue
        ? "overdue"
        : "due"
      : milestone.status === "reported"
        ? "reported"
        : milestone.status === "returned"
          ? "returned"
          : "accepted";
  return milestone.overdue && milestone.status !== "pending" ? [main, "overdue"] : [main];
}

/** The milestone's state as tags. */
export function MilestoneStatusTag({ milestone }: { milestone: Pick<Milestone, "status" | "overdue"> }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {milestoneStatusKeys(milestone).map((key) => (
        <Tag key={key} color={milestoneColors[key]}>
          {t(`contracts.milestoneStatus.${key}`)}
        </Tag>
      ))}
    </Space>
  );
}

/** 优秀 / 良好 / 合格 / 不合格. */
export function GradeTag({ grade }: { grade: ProjectEvaluationGrade | null }) {
  const { t } = useTranslation();
  if (grade === null) {
    return <Tag>{t("contracts.grade.none")}</Tag>;
  }
  return <Tag color={gradeColors[grade]}>{t(`contracts.grade.${grade}`)}</Tag>;
}
