import type { ContractDetail } from "@sanshe/contracts";
import { useTranslation } from "react-i18next";
import { formatLongDate } from "../../../../ui/formatDateTime";
import { PrintSheet, SignatureBlocks } from "../../../../ui/PrintSheet";
import { fenToCapital, formatFen } from "../../money";
import { ContractParties } from "../components/ContractParties";
import { RouteContract } from "../components/RouteContract";
import { milestoneStatusKeys } from "../components/StatusTags";

/** 合同打印: parties, amount (also in capitals), period, KPIs, milestones with their status, payments and signature blocks. */
export function ContractPrintPage() {
  return <RouteContract>{(contract) => <PrintedContract contract={contract} />}</RouteContract>;
}

function PrintedContract({ contract }: { contract: ContractDetail }) {
  const { t, i18n } = useTranslation();
  const paid = contract.milestones.filter((milestone) => milestone.accepted_at !== null);
  return (
    <PrintSheet printLabel={t("contracts.detail.print")}>
      <h1>
        {t("contracts.print.contractTitle")}
        <br />
        {contract.title}
      </h1>
      <ContractParties contract={contract} />
      <h2>{t("contracts.fields.kpis")}</h2>
      {contract.kpis.length === 0 ? (
        <p>{t("contracts.detail.noKpis")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t("contracts.fields.kpiName")}</th>
              <th>{t("contracts.fields.kpiTarget")}</th>
            </tr>
          </thead>
          <tbody>
            {contract.kpis.map((kpi) => (
              <tr key={kpi.name}>
                <td>{kpi.name}</td>
                <td>
                  {kpi.target} {kpi.unit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("contracts.fields.milestones")}</h2>
      <table>
        <thead>
          <tr>
            <th>{t("contracts.print.number")}</th>
            <th>{t("contracts.fields.milestoneTitle")}</th>
            <th>{t("contracts.fields.deliverables")}</th>
            <th>{t("contracts.fields.dueOn")}</th>
            <th>{t("contracts.fields.sharePercent")}</th>
            <th>{t("contracts.print.milestoneAmount")}</th>
            <th>{t("contracts.fields.status")}</th>
          </tr>
        </thead>
        <tbody>
          {contract.milestones.map((milestone, index) => (
            <tr key={milestone.id}>
              <td>{index + 1}</td>
              <td>{milestone.title}</td>
              <td>{milestone.deliverables}</td>
              <td>{formatLongDate(milestone.due_on, i18n.language)}</td>
              <td>{(milestone.share_bp / 100).toFixed(2)}%</td>
              <td>{formatFen(milestone.amount_fen)}</td>
              <td>
                {milestoneStatusKeys(milestone)
                  .map((key) => t(`contracts.milestoneStatus.${key}`))
                  .join("、")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("contracts.print.payments")}</h2>
      <table>
        <thead>
          <tr>
            <th>{t("contracts.fields.milestoneTitle")}</th>
            <th>{t("contracts.print.paidOn")}</th>
            <th>{t("contracts.print.milestoneAmount")}</th>
          </tr>
        </thead>
        <tbody>
          {paid.map((milestone) => (
            <tr key={milestone.id}>
              <td>{milestone.title}</td>
              <td>{formatLongDate(milestone.accepted_at, i18n.language)}</td>
              <td>{formatFen(milestone.amount_fen)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" colSpan={2}>
              {t("contracts.print.paidTotal")}
            </th>
            <td>
              {formatFen(contract.paid_fen)}（{fenToCapital(contract.paid_fen)}）
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>
              {t("contracts.fields.remaining")}
            </th>
            <td>{formatFen(contract.remaining_fen)}</td>
          </tr>
        </tbody>
      </table>
      <SignatureBlocks
        parties={[
          { key: "purchaser", title: t("contracts.print.purchaser"), lines: signatureLines(t) },
          { key: "provider", title: t("contracts.print.provider"), lines: signatureLines(t) },
        ]}
      />
    </PrintSheet>
  );
}

/** The seal, signature and date lines under a party's name. */
export const signatureLines = (t: (key: string) => string) => [
  t("contracts.print.seal"),
  t("contracts.print.signature"),
  t("contracts.print.date"),
];
