import type { SocialWorkerLevel } from "@sanshe/contracts";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const colors: Record<SocialWorkerLevel, string> = { staff: "default", assistant: "blue", social_worker: "geekblue", senior: "purple" };

/** The level (一般工作人员 … 高级社会工作师) as a coloured tag. */
export function LevelTag({ level }: { level: SocialWorkerLevel }) {
  const { t } = useTranslation();
  return <Tag color={colors[level]}>{t(`socialWorkers.level.${level}`)}</Tag>;
}

export const LEVELS: readonly SocialWorkerLevel[] = ["staff", "assistant", "social_worker", "senior"];
