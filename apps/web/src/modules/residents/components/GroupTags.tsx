import type { ResidentGroup } from "@sanshe/contracts";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const colors: Record<ResidentGroup, string> = {
  elderly_alone: "orange",
  disabled: "purple",
  veteran_family: "red",
  low_income: "gold",
  minor: "cyan",
  unemployed: "default",
  migrant: "blue",
};

/** The groups of a resident as tags (the server already left out sensitive ones the viewer may not see). */
export function GroupTags({ groups }: { groups: ResidentGroup[] }) {
  const { t } = useTranslation();
  return (
    <>
      {groups.map((group) => (
        <Tag key={group} color={colors[group]}>
          {t(`residents.groups.${group}`)}
        </Tag>
      ))}
    </>
  );
}
