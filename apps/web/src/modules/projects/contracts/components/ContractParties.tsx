import type { ContractDetail } from "@sanshe/contracts";
import { useTranslation } from "react-i18next";
import { formatLongDate } from "../../../../ui/formatDateTime";
import { PrintFacts } from "../../../../ui/PrintSheet";
import { AreaName } from "../../../jurisdictions";
import { useCall } from "../../calls/api";
import { fenToCapital, formatFen } from "../../money";

/** The printed contract's head table: both parties, the amount in figures and capitals, the period and the signing. */
export function ContractParties({ contract }: { contract: ContractDetail }) {
  const { t, i18n } = useTranslation();
  const purchaser = useCall(contract.call_id).data?.purchaser_name;
  const rows: [string, React.ReactNode][] = [
    [
      t("contracts.print.purchaser"),
      <>
        {purchaser ? `${purchaser}（` : null}
        <AreaName code={contract.area_code} />
        {purchaser ? "）" : null}
      </>,
    ],
    [t("contracts.print.provider"), contract.org_name],
    [
      t("contracts.fields.amount"),
      `${formatFen(contract.amount_fen)}（${t("contracts.print.capital")}：${fenToCapital(contract.amount_fen)}）`,
    ],
    [
      t("contracts.fields.period"),
      t("contracts.print.periodRange", {
        start: formatLongDate(contract.period_start, i18n.language),
        end: formatLongDate(contract.period_end, i18n.language),
      }),
    ],
    [t("contracts.fields.signedAt"), formatLongDate(contract.signed_at, i18n.language)],
    [t("contracts.fields.status"), t(`contracts.status.${contract.status}`)],
  ];
  return <PrintFacts rows={rows} labelWidth="22%" />;
}
