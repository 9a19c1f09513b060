import type { ImportRowError } from "@sanshe/contracts";
import { Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";

/** 行号 / 列 / 错误代码 / 说明 of a job's stored errors (at most 1,000), paged in the browser. */
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
    {
      key: "code",
      title: t("imports.errors.code"),
      dataIndex: "code",
      width: 220,
      render: (value: string) => <Typography.Text code>{value}</Typography.Text>,
    },
    { key: "message", title: t("imports.errors.message"), dataIndex: "message" },
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
