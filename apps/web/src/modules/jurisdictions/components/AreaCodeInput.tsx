import { ApartmentOutlined } from "@ant-design/icons";
import { Button, Input, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useArea } from "../api";
import { AreaPickerModal } from "./AreaPickerModal";

const AREA_CODE_PATTERN = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

type AreaCodeInputProps = {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  "aria-invalid"?: boolean;
  placeholder?: string;
};

/**
 * Form control for an area code: type it, or pick it from the jurisdiction tree. The name of the
 * chosen area is shown below so a typo is visible.
 */
export function AreaCodeInput({ id, value, onChange, placeholder, ...rest }: AreaCodeInputProps) {
  const { t } = useTranslation();
  const [isPicking, setIsPicking] = useState(false);
  const code = value ?? "";
  const isComplete = AREA_CODE_PATTERN.test(code);
  const area = useArea(isComplete ? code : undefined);

  return (
    <>
      <Space.Compact style={{ width: "100%" }}>
        <Input
          id={id}
          value={code}
          inputMode="numeric"
          maxLength={12}
          placeholder={placeholder ?? t("jurisdictions.picker.placeholder")}
          aria-invalid={rest["aria-invalid"]}
          onChange={(event) => onChange?.(event.target.value.replace(/\D/g, ""))}
        />
        <Button icon={<ApartmentOutlined />} onClick={() => setIsPicking(true)}>
          {t("jurisdictions.picker.open")}
        </Button>
      </Space.Compact>
      {isComplete ? (
        <Typography.Text type={area.isError ? "danger" : "secondary"} style={{ fontSize: 12 }} aria-live="polite">
          {area.isPending
            ? t("jurisdictions.picker.checking")
            : area.isError
              ? t("jurisdictions.picker.unknown")
              : [...area.data.path.map((ancestor) => ancestor.name), area.data.name].join(" / ")}
        </Typography.Text>
      ) : null}
      <AreaPickerModal
        open={isPicking}
        selectedCode={isComplete ? code : undefined}
        onCancel={() => setIsPicking(false)}
        onPick={(picked) => {
          onChange?.(picked.code);
          setIsPicking(false);
        }}
      />
    </>
  );
}
