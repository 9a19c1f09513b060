import type { LedgerBalance } from "@sanshe/contracts";
import { Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { CursorListTable } from "../../../../ui/CursorListTable";
import { useCursorPaging } from "../../../../ui/useCursorPagination";
import { formatFen } from "../../money";
import { useLedgerBalances } from "../api";

/** Per holder and year in an area: money in, out and the balance (in − out). */
export function LedgerBalancesTable({ area, year }: { area: string; year: number | undefined }) {
  const { t } = useTranslation();
  const paging = useCursorPaging([area, year], 10);
  const { pagination, pageSize } = paging;
  const balances = useLedgerBalances({ area, year, cursor: pagination.cursor, limit: pageSize });
  const columns: TableColumnsType<LedgerBalance> = [
    { key: "year", title: t("contracts.ledger.year"), dataIndex: "year", width: 80 },
    {
      key: "holder",
      title: t("contracts.ledger.holder"),
      render: (_v, row) => (
        <>
          <Tag>{t(`contracts.ledger.holderKinds.${row.holder_kind}`)}</Tag>
          {row.holder_name}
        </>
      ),
    },
    { key: "in", title: t("contracts.ledger.in"), align: "right", render: (_v, row) => formatFen(row.in_fen) },
    { key: "out", title: t("contracts.ledger.out"), align: "right", render: (_v, row) => formatFen(row.out_fen) },
    {
      key: "balance",
      title: t("contracts.ledger.balance"),
      align: "right",
      render: (_v, row) => (
        <Typography.Text type={row.balance_fen < 0 ? "danger" : undefined}>{formatFen(row.balance_fen)}</Typography.Text>
      ),
    },
  ];
  return (
    <CursorListTable<LedgerBalance>
      query={balances}
      paging={paging}
      columns={columns}
      rowKey={(row) => `${row.year}-${row.holder_kind}-${row.org_id ?? row.community_code}`}
      scrollX={640}
      emptyText={t("contracts.ledger.balancesEmpty")}
    />
  );
}
