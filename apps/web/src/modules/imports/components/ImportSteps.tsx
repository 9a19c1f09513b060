import { Steps } from "antd";
import type { StepsProps } from "antd";
import { useTranslation } from "react-i18next";

type ImportStepsProps = {
  current: number;
  status?: StepsProps["status"];
  /** Called with a step the user clicked; only earlier steps of the new-import flow are clickable. */
  onChange?: (step: number) => void;
};

/** 选择类型 → 上传文件 → 校验报告 → 导入. */
export function ImportSteps({ current, status, onChange }: ImportStepsProps) {
  const { t } = useTranslation();
  const titles = [t("imports.steps.kind"), t("imports.steps.upload"), t("imports.steps.report"), t("imports.steps.progress")];
  return (
    <Steps
      current={current}
      status={status}
      onChange={onChange}
      style={{ marginBottom: 24 }}
      items={titles.map((title, index) => ({ title, disabled: onChange === undefined || index >= current }))}
    />
  );
}
