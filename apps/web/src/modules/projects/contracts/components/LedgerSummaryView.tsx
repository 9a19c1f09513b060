import type { LedgerSummary } from "@sanshe/contracts";
import { Col, Empty, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { formatFen } from "../../money";
import { LedgerChart } from "./LedgerChart";
import { SummaryTable } from "../../../../ui/SummaryTable";

/** Totals by source (all years) beside the stacked bar by year. */
export function LedgerSummaryView({ summary }: { summary: LedgerSummary }) {
  const { t } = useTranslation();
  if (summary.rows.length === 0) {
    return <Empty description={t("contracts.ledger.summaryEmpty")} />;
  }
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Statistic title={t("contracts.ledger.total")} value={summary.total_fen} formatter={() => formatFen(summary.total_fen)} />
        <SummaryTable
          style={{ marginTop: 12 }}
          rowKey="source"
          dataSource={summary.by_source}
          columns={[
            { key: "source", title: t("contracts.ledger.source"), render: (_v, row) => t(`contracts.ledger.sources.${row.source}`) },
            { key: "amount", title: t("contracts.ledger.amount"), align: "right", render: (_v, row) => formatFen(row.amount_fen) },
          ]}
        />
      </Col>
      <Col xs={24} lg={15}>
        <LedgerChart summary={summary} />
      </Col>
    </Row>
  );
}
