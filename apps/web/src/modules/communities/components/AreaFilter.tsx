import { Flex } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AreaCodeInput } from "../../jurisdictions";

const AREA_CODE = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

/** The area code typed in the filter, and the area to query once it is a whole code (province to community). */
export function useAreaFilter() {
  const [areaCode, setAreaCode] = useState("");
  const area = AREA_CODE.test(areaCode) ? areaCode : undefined;
  return { areaCode, setAreaCode, area };
}

type AreaFilterBarProps = { areaCode: string; onAreaCodeChange: (value: string) => void; children: ReactNode };

/** The line of filters above a community table: the area first, then the page's own filters. */
export function AreaFilterBar({ areaCode, onAreaCodeChange, children }: AreaFilterBarProps) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <div style={{ width: 320 }}>
        <AreaCodeInput value={areaCode} onChange={onAreaCodeChange} placeholder={t("communities.list.areaFilter")} />
      </div>
      {children}
    </Flex>
  );
}
