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

/** A milestone's state as people read it: due, overdue, reported, returned (and overdue), accepted. */
export function MilestoneStatusTag({ milestone }: { milestone: Pick<Milestone, "status" | "overdue"> }) {
  const { t } = useTranslation();
  const main =
    milestone.status === "pending" ? (
      milestone.overdue ? (
        <Tag color="red">{t("contracts.milestoneStatus.overdue")}</Tag>
      ) : (
        <Tag>{t("contracts.milestoneStatus.due")}</Tag>
      )
    ) : milestone.status === "reported" ? (
      <Tag color="processing">{t("contracts.milestoneStatus.reported")}</Tag>
    ) : milestone.status === "returned" ? (
      <Tag color="orange">{t("contracts.milestoneStatus.returned")}</Tag>
    ) : (
      <Tag color="success">{t("contracts.milestoneStatus.accepted")}</Tag>
    );
  return (
    <Space size={4} wrap>
      {main}
      {milestone.overdue && milestone.status !== "pending" ? <Tag color="red">{t("contracts.milestoneStatus.overdue")}</Tag> : null}
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
