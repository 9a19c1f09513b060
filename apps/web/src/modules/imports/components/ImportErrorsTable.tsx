import type { ImportRowError } from "@sanshe/contracts";
import { Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";

/** 行号 / 列 / 说明 (the error code as the explanation's tooltip) of a job's stored errors (at most 1,000), paged in the browser. */
export function ImportErrorsTable({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ImportRowError & { key: number }> = [
    { key: "row", title: t("imports.errors.row"), dataIndex: "row", width: 80 },
    {
      key: "field",
      title: t("imports.errors.field"),
      dataIndex: "field",
      width: 160,
      render: (value: string | null) => value ?? <Typography.Text type="secondary">{t("imports.errors.wholeRow")}</Typography.Text>,
    },
    // The message says what is wrong in words; the stable code (INVALID_ID_NUMBER) is only its tooltip.
    {
      key: "message",
      title: t("imports.errors.message"),
      dataIndex: "message",
      render: (value: string, error) => <span title={error.code}>{value}</span>,
    },
  ];
  return (
    <Table
      size="small"
      columns={columns}
      dataSource={errors.map((error, index) => ({ ...error, key: index }))}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showSizeChanger: true, pageSizeOptions: [20, 50, 100] }}
      scroll={{ x: 700 }}
    />
  );
}
