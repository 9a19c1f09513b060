import type { Area } from "@sanshe/contracts";
import { Card, Descriptions, Empty, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useArea } from "../api";
import { AreaLevelTag } from "./AreaLevelTag";
import { AreaPath } from "./AreaPath";

function findParent(area: Area): { name: string; code: string } | null {
  if (area.parent_code === null) {
    return null;
  }
  const parent = area.path.find((ancestor) => ancestor.code === area.parent_code);
  return parent ?? { name: "", code: area.parent_code };
}

/** Everything known about one area: code, name, level, kind, parent, children and path. */
export function AreaDetailCard({ code }: { code: string | undefined }) {
  const { t } = useTranslation();
  const area = useArea(code);

  if (code === undefined) {
    return (
      <Card>
        <Empty description={t("jurisdictions.detail.empty")} />
      </Card>
    );
  }
  if (area.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (area.isError) {
    return (
      <Card>
        <ProblemAlert error={area.error} />
      </Card>
    );
  }
  const data = area.data;
  const parent = findParent(data);
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {data.name}
        </Typography.Title>
      }
      extra={<AreaLevelTag level={data.level} />}
    >
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          {
            key: "code",
            label: t("jurisdictions.detail.code"),
            children: (
              <Typography.Text copyable code>
                {data.code}
              </Typography.Text>
            ),
          },
          { key: "name", label: t("jurisdictions.detail.name"), children: data.name },
          { key: "level", label: t("jurisdictions.detail.level"), children: t(`jurisdictions.level.${data.level}`) },
          {
            key: "kind",
            label: t("jurisdictions.detail.kind"),
            children: data.kind ? t(`jurisdictions.kind.${data.kind}`) : "—",
          },
          {
            key: "parent",
            label: t("jurisdictions.detail.parent"),
            children: parent ? t("jurisdictions.detail.parentValue", parent) : t("jurisdictions.detail.noParent"),
          },
          { key: "children", label: t("jurisdictions.detail.childCount"), children: data.child_count },
          {
            key: "path",
            label: t("jurisdictions.detail.path"),
            children: <AreaPath path={data.path} current={data.name} />,
          },
        ]}
      />
    </Card>
  );
}
