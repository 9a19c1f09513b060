import { Card, Empty, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { CursorListPager } from "../../../ui/CursorListTable";
import { formatDateTime } from "../../../ui/formatDateTime";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { type ImportJobSummary, useImportJobs } from "../api";
import { importKindLabelKey } from "../kinds";
import { ImportStatusTag } from "./ImportStatusTag";
import { SummaryTable } from "../../../ui/SummaryTable";

/** 我的导入记录: the user's jobs, newest first, server-paginated; each reopens at /imports/:id. */
export function ImportJobList({ currentId }: { currentId?: string | undefined }) {
  const { t } = useTranslation();
  const paging = useCursorPaging(null, 20);
  const { pagination, pageSize } = paging;
  const jobs = useImportJobs({ cursor: pagination.cursor, limit: pageSize });

  const columns: TableColumnsType<ImportJobSummary> = [
    {
      key: "time",
      title: t("imports.list.time"),
      dataIndex: "created_at",
      width: 170,
      render: (value: string) => <span style={{ whiteSpace: "nowrap" }}>{formatDateTime(value)}</span>,
    },
    {
      key: "kind",
      title: t("imports.list.kind"),
      dataIndex: "kind",
      width: 140,
      render: (kind: string) => t(importKindLabelKey(kind), { defaultValue: kind }),
    },
    {
      key: "file",
      title: t("imports.list.file"),
      dataIndex: "file_name",
      render: (name: string) => <Typography.Text ellipsis={{ tooltip: name }}>{name}</Typography.Text>,
    },
    {
      key: "status",
      title: t("imports.list.status"),
      dataIndex: "status",
      width: 110,
      render: (status: ImportJobSummary["status"]) => <ImportStatusTag status={status} />,
    },
    {
      key: "counts",
      title: t("imports.list.counts"),
      render: (_value, job) => (
        <>
          <div>
            {job.status === "validating"
              ? t("imports.progress.checking", { processed: job.processed_rows, total: job.total_rows })
              : t("imports.list.countsValidated", { total: job.total_rows, valid: job.valid_rows, errors: job.error_rows })}
          </div>
          {job.status === "completed" ? (
            <Typography.Text type="secondary">
              {t("imports.list.countsDone", { inserted: job.inserted, updated: job.updated, unchanged: job.unchanged })}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      key: "actions",
      title: t("imports.list.actions"),
      width: 90,
      render: (_value, job) =>
        job.id === currentId ? <Tag>{t("imports.list.current")}</Tag> : <Link to={`/imports/${job.id}`}>{t("imports.list.open")}</Link>,
    },
  ];

  return (
    <Card title={t("imports.list.title")} style={{ marginTop: 16 }}>
      {jobs.isError ? <ProblemAlert error={jobs.error} style={{ marginBottom: 16 }} /> : null}
      <SummaryTable<ImportJobSummary>
        rowKey="id"
        columns={columns}
        dataSource={jobs.data?.items ?? []}
        loading={jobs.isFetching && (jobs.isPending || jobs.isPlaceholderData)}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t("imports.list.empty")} /> }}
      />
      <CursorListPager query={jobs} paging={paging} />
    </Card>
  );
}
