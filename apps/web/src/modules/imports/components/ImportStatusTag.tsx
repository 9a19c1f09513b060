import type { ImportJob } from "@sanshe/contracts";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const COLORS: Record<ImportJob["status"], string> = {
  validating: "processing",
  validated: "blue",
  failed: "red",
  running: "processing",
  interrupted: "orange",
  completed: "green",
};

/** 校验中 / 已校验 / 无法导入 / 导入中 / 已中断 / 已完成. */
export function ImportStatusTag({ status }: { status: ImportJob["status"] }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`imports.status.${status}`)}</Tag>;
}
