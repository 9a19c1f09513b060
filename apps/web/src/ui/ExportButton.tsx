import { DownloadOutlined, DownOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import type { ButtonProps, MenuProps } from "antd";
import { useTranslation } from "react-i18next";
import { exportEndpoints, type ExportFormat } from "@sanshe/contracts";
import { endpointHref, type QueryValue } from "./api";

export type { ExportFormat };

type ExportButtonProps = {
  /** What to export: residents, social-orgs, social-workers, communities, … */
  kind: string;
  /** The list's current filters; empty values are left out so the export matches the list. */
  filters?: Record<string, QueryValue> | undefined;
  disabled?: boolean;
  size?: ButtonProps["size"];
};

/** Download address of an export: the session cookie goes along; the server masks and audits it. */
export function exportUrl(kind: string, format: ExportFormat, filters?: Record<string, QueryValue>): string {
  return endpointHref(exportEndpoints.download, { params: { kind }, query: { ...filters, format } });
}

/** 「导出」 with Excel (.xlsx) and CSV: plain download links to /api/v1/exports/{kind}. */
export function ExportButton({ kind, filters, disabled, size }: ExportButtonProps) {
  const { t } = useTranslation();
  const items: MenuProps["items"] = (["xlsx", "csv"] as const).map((format) => ({
    key: format,
    label: (
      <a href={exportUrl(kind, format, filters)} download data-testid={`export-${format}`}>
        {t(`ui.export.${format}`)}
      </a>
    ),
  }));
  return (
    <Dropdown menu={{ items }} trigger={["click"]} disabled={disabled}>
      <Button icon={<DownloadOutlined />} size={size} disabled={disabled} data-testid="export-button">
        {t("ui.export.button")} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
