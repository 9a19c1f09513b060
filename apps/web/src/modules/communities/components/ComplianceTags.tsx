import { CheckCircleOutlined, CloseCircleOutlined } from "@ant-design/icons";
import { standardFacilityTypes, type StandardFacilityType } from "@sanshe/contracts";
import { Flex, Tag } from "antd";
import { useTranslation } from "react-i18next";

/** The six standard facilities (三室两栏一站) at a glance: green when present, red when missing. */
export function ComplianceTags({ has }: { has: Record<StandardFacilityType, boolean> }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {standardFacilityTypes.map((type) => (
        <Tag
          key={type}
          color={has[type] ? "success" : "error"}
          icon={has[type] ? <CheckCircleOutlined /> : <CloseCircleOutlined />}
          aria-label={`${t(`communities.facilityType.${type}`)}: ${has[type] ? t("communities.compliance.has") : t("communities.compliance.lacks")}`}
        >
          {t(`communities.facilityType.${type}`)}
        </Tag>
      ))}
    </Flex>
  );
}
