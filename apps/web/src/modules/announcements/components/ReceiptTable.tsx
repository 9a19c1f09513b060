import type { AnnouncementReceipt } from "@sanshe/contracts";
import { ANNOUNCEMENT_RECEIPT_SORTS } from "@sanshe/contracts";
import { Select, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { CursorListTable } from "../../../ui/CursorListTable";
import { ExportButton } from "../../../ui/ExportButton";
import { formatDateTime } from "../../../ui/formatDateTime";
import { useUrlParams, useUrlSort } from "../../../ui/searchParams";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useAnnouncementReceipts } from "../api";

const READ_STATES = ["read", "unread"] as const;

/**
 * The read receipts of an announcement its managers see: every recipient, read or not, sorted and
 * counted by the server, filtered read/unread (filter and sort in the URL), with a column chooser and
 * the export of the current view.
 */
export function ReceiptTable({ announcementId }: { announcementId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useUrlParams(["read"] as const);
  const read = READ_STATES.find((value) => value === params.read);
  const [sort, setSort] = useUrlSort(ANNOUNCEMENT_RECEIPT_SORTS);
  const paging = useCursorPaging([read, sort], 20);
  const { pagination, pageSize } = paging;
  const list = useAnnouncementReceipts(announcementId, { read, sort, cursor: pagination.cursor, limit: pageSize });

  const columns: TableColumnsType<AnnouncementReceipt> = [
    { key: "name", title: t("announcements.receiptList.name"), dataIndex: "display_name" },
    {
      key: "state",
      title: t("announcements.receiptList.state"),
      render: (_v, item) =>
        item.read_at ? <Tag color="green">{t("announcements.receiptList.read")}</Tag> : <Tag>{t("announcements.receiptList.unread")}</Tag>,
    },
    {
      key: "read_at",
      title: t("announcements.receiptList.readAt"),
      render: (_v, item) => (item.read_at ? formatDateTime(item.read_at) : "—"),
    },
  ];

  return (
    <>
      <Select
        allowClear
        aria-label={t("announcements.receiptList.filter")}
        placeholder={t("announcements.receiptList.filter")}
        style={{ width: 160, marginBottom: 16 }}
        value={read}
        onChange={(value: string | undefined) => setParams({ read: value })}
        options={READ_STATES.map((value) => ({ value, label: t(`announcements.receiptList.${value}`) }))}
      />
      <CursorListTable<AnnouncementReceipt>
        query={list}
        paging={paging}
        columns={columns}
        rowKey="user_id"
        scrollX={600}
        emptyText={t("announcements.receiptList.empty")}
        sorting={{ allowed: ANNOUNCEMENT_RECEIPT_SORTS, sort, onChange: setSort }}
        columnsKey="announcement-receipts"
        toolbar={<ExportButton kind="announcement-receipts" filters={{ announcement_id: announcementId, read, sort }} />}
      />
    </>
  );
}
