import type { AdminTaskStatus, AdminTaskTarget, CatalogList, OccurrenceStatus } from "@sanshe/contracts/admin-tasks";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const taskColors: Record<AdminTaskStatus, string> = {
  submitted: "processing",
  returned: "warning",
  admitted: "success",
  rejected: "error",
  withdrawn: "default",
};

/** 待审 / 退回补充经费 / 已准入 / 不予准入 / 已撤回. */
export function TaskStatusTag({ status }: { status: AdminTaskStatus }) {
  const { t } = useTranslation();
  return <Tag color={taskColors[status]}>{t(`adminTasks.status.${status}`)}</Tag>;
}

const targetColors: Record<AdminTaskTarget["status"], string> = { active: "success", taken_back: "purple", refused: "error" };

export function TargetStatusTag({ status }: { status: AdminTaskTarget["status"] }) {
  const { t } = useTranslation();
  return <Tag color={targetColors[status]}>{t(`adminTasks.targetStatus.${status}`)}</Tag>;
}

const occurrenceColors: Record<OccurrenceStatus, string> = { open: "processing", done: "success", cancelled: "default" };

export function OccurrenceStatusTag({ status }: { status: OccurrenceStatus }) {
  const { t } = useTranslation();
  return <Tag color={occurrenceColors[status]}>{t(`adminTasks.occurrenceStatus.${status}`)}</Tag>;
}

const listColors: Record<CatalogList, string> = { statutory: "blue", assisted: "cyan", negative: "red" };

export function CatalogListTag({ list }: { list: CatalogList }) {
  const { t } = useTranslation();
  return <Tag color={listColors[list]}>{t(`adminTasks.listShort.${list}`)}</Tag>;
}
