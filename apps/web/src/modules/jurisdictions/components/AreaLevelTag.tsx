import type { AreaLevel } from "@sanshe/contracts";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const LEVEL_COLORS: Record<AreaLevel, string> = {
  province: "magenta",
  city: "purple",
  district: "blue",
  street: "cyan",
  community: "green",
};

/** Small tag naming an area's level (省/市/区县/街道乡镇/社区村). */
export function AreaLevelTag({ level }: { level: AreaLevel }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEVEL_COLORS[level]} style={{ marginInlineEnd: 0 }}>
      {t(`jurisdictions.level.${level}`)}
    </Tag>
  );
}
