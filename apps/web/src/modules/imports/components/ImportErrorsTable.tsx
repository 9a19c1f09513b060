import { DownloadOutlined } from "@ant-design/icons";
import type { ImportRowError } from "@sanshe/contracts";
import { Button, Flex, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { errorReportCsv } from "../utils/errorReport";

/** Saves the problem list as a CSV file the reader opens in Excel. */
function downloadErrors(errors: readonly ImportRowError[], csvOf: (errors: readonly ImportRowError[]) => string, fileName: string) {
  const url = URL.createObjectURL(new Blob([csvOf(errors)], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/**
 * 行号 / 列 / 填写的值 / 说明 / 可填写的值 of a job's stored errors (at most 1,000), paged in the
 * browser, with the same list downloadable as CSV. Never shows a raw error code.
 */
export function ImportErrorsTable({ errors, fileName }: { errors: ImportRowError[]; fileName?: string }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ImportRowError & { key: number }> = [
    { key: "row", title: t("imports.errors.row"), dataIndex: "row", width: 72 },
    {
      key: "field",
      title: t("imports.errors.field"),
      dataIndex: "field",
      width: 140,
      render: (value: string | null) => value ?? <Typography.Text type="secondary">{t("imports.errors.wholeRow")}</Typography.Text>,
    },
    {
      key: "value",
      title: t("imports.errors.value"),
      dataIndex: "value",
      width: 160,
      render: (value: string | null | undefined, error) =>
        value ? (
          <Typography.Text mark>{value}</Typography.Text>
        ) : error.field ? (
          <Typography.Text type="secondary">{t("imports.errors.empty")}</Typography.Text>
        ) : null,
    },
    { key: "message", title: t("imports.errors.message"), dataIndex: "message" },
    {
      key: "allowed",
      title: t("imports.errors.allowed"),
      dataIndex: "allowed",
      width: 240,
      render: (allowed: string[] | undefined) => (allowed?.length ? allowed.join("、") : null),
    },
  ];
  const csvOf = (list: readonly ImportRowError[]) =>
    errorReportCsv(list, {
      row: t("imports.errors.row"),
      field: t("imports.errors.field"),
      value: t("imports.errors.value"),
      message: t("imports.errors.message"),
      allowed: t("imports.errors.allowed"),
      wholeRow: t("imports.errors.wholeRow"),
    });
  return (
    <Flex vertical gap={8}>
      <div>
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            downloadErrors(errors, csvOf, `${fileName ? `${fileName.replace(/\.[^.]+$/, "")}-` : ""}${t("imports.errors.fileName")}.csv`)
          }
          data-testid="import-errors-download"
        >
          {t("imports.errors.download")}
        </Button>
      </div>
      <Table
        size="small"
        columns={columns}
        dataSource={errors.map((error, index) => ({ ...error, key: index }))}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showSizeChanger: true, pageSizeOptions: [20, 50, 100] }}
        scroll={{ x: 800 }}
        data-testid="import-errors"
      />
    </Flex>
  );
}
