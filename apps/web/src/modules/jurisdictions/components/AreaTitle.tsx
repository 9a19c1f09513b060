import type { Area } from "@sanshe/contracts";
import { Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { AreaLevelTag } from "./AreaLevelTag";

/** One line naming an area: name, level tag, code and number of children. */
export function AreaTitle({ area }: { area: Area }) {
  const { t } = useTranslation();
  return (
    <Space size={6} wrap={false}>
      <span>{area.name}</span>
      <AreaLevelTag level={area.level} />
      {/* The division code beside its name is the point of the area browser (data-allow-code). */}
      <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: "monospace" }} data-allow-code>
        {area.code}
      </Typography.Text>
      {area.child_count > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("jurisdictions.tree.childCount", { count: area.child_count })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
