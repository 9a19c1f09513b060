import { FileExcelOutlined, FileTextOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Radio, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { templateUrl } from "../api";
import { importKindLabelKey, type ImportKind } from "../kinds";

type KindStepProps = {
  kinds: ImportKind[];
  value: ImportKind | undefined;
  onChange: (kind: ImportKind) => void;
  onNext: () => void;
};

/** Step 1: what to import, and its template (plain download links). */
export function KindStep({ kinds, value, onChange, onNext }: KindStepProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh-CN";
  if (kinds.length === 0) {
    return <Alert type="info" showIcon title={t("imports.kind.none")} />;
  }
  return (
    <Flex vertical gap={16} align="flex-start">
      <div>
        <Typography.Paragraph id="import-kind-label" strong style={{ marginBottom: 8 }}>
          {t("imports.kind.label")}
        </Typography.Paragraph>
        <Radio.Group
          aria-labelledby="import-kind-label"
          optionType="button"
          buttonStyle="solid"
          value={value}
          onChange={(event) => onChange(event.target.value as ImportKind)}
          options={kinds.map((kind) => ({ value: kind, label: t(importKindLabelKey(kind)) }))}
        />
      </div>
      {value ? (
        <div>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t("imports.kind.template")}
          </Typography.Paragraph>
          <Flex gap={8} wrap>
            <Button icon={<FileExcelOutlined />} href={templateUrl(value, "xlsx", lang)} download data-testid="template-xlsx">
              {t("imports.kind.templateXlsx")}
            </Button>
            <Button icon={<FileTextOutlined />} href={templateUrl(value, "csv", lang)} download data-testid="template-csv">
              {t("imports.kind.templateCsv")}
            </Button>
          </Flex>
        </div>
      ) : null}
      <Button type="primary" disabled={!value} onClick={onNext}>
        {t("imports.kind.next")}
      </Button>
    </Flex>
  );
}
