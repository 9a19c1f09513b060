import type { ContractDetail, ProjectEvaluation } from "@sanshe/contracts";
import { useTranslation } from "react-i18next";
import { formatLongDate } from "../../../../ui/formatDateTime";
import { PrintSheet, SignatureBlocks } from "../../../../ui/PrintSheet";
import { ContractParties } from "../components/ContractParties";
import { evaluationParts, formatScore } from "../components/evaluationParts";
import { RouteContract } from "../components/RouteContract";
import { signatureLines } from "./ContractPrintPage";

/** 结项评估报告打印: the contract, each party's weighted score, the KPI results, the evaluators, the conclusion and signatures. */
export function EvaluationPrintPage() {
  const { t } = useTranslation();
  return (
    <RouteContract>
      {(contract) =>
        contract.evaluation ? (
          <PrintedEvaluation contract={contract} evaluation={contract.evaluation} />
        ) : (
          <PrintSheet printLabel={t("contracts.detail.print")}>
            <h1>{t("contracts.print.evaluationTitle")}</h1>
            <p>{t("contracts.evaluation.notYet")}</p>
          </PrintSheet>
        )
      }
    </RouteContract>
  );
}

function PrintedEvaluation({ contract, evaluation }: { contract: ContractDetail; evaluation: ProjectEvaluation }) {
  const { t, i18n } = useTranslation();
  const parts = evaluationParts(evaluation);
  const grade = evaluation.grade ? t(`contracts.grade.${evaluation.grade}`) : t("contracts.grade.none");
  return (
    <PrintSheet printLabel={t("contracts.detail.print")}>
      <h1>
        {t("contracts.print.evaluationTitle")}
        <br />
        {contract.title}
      </h1>
      <ContractParties contract={contract} />
      <h2>{t("contracts.print.evaluators")}</h2>
      <table>
        <tbody>
          <tr>
            <th scope="row" style={{ width: "22%" }}>
              {t("contracts.evaluation.evaluator")}
            </th>
            <td>{evaluation.evaluator.display_name}</td>
          </tr>
          <tr>
            <th scope="row">{t("contracts.evaluation.parts.beneficiaries")}</th>
            <td>{t("contracts.evaluation.ratings", { count: evaluation.beneficiary_ratings })}</td>
          </tr>
          <tr>
            <th scope="row">{t("contracts.evaluation.completedAt")}</th>
            <td>
              {evaluation.completed_at ? formatLongDate(evaluation.completed_at, i18n.language) : t("contracts.evaluation.inProgress")}
            </td>
          </tr>
        </tbody>
      </table>
      <h2>{t("contracts.print.scores")}</h2>
      <table>
        <thead>
          <tr>
            <th>{t("contracts.evaluation.part")}</th>
            <th>{t("contracts.evaluation.weight")}</th>
            <th>{t("contracts.evaluation.score")}</th>
            <th>{t("contracts.evaluation.comment")}</th>
          </tr>
        </thead>
        <tbody>
          {parts.map((part) => (
            <tr key={part.part}>
              <td>{t(`contracts.evaluation.parts.${part.part}`)}</td>
              <td>{part.weight === part.base ? `${part.weight}%` : `${part.weight.toFixed(2)}%`}</td>
              <td>{formatScore(part.score)}</td>
              <td>{part.ratings === undefined ? (part.comment ?? "—") : t("contracts.evaluation.ratings", { count: part.ratings })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {parts.some((part) => part.weight !== part.base) ? <p>{t("contracts.evaluation.reweighted")}</p> : null}
      {evaluation.kpi_results ? (
        <>
          <h2>{t("contracts.fields.kpis")}</h2>
          <table>
            <thead>
              <tr>
                <th>{t("contracts.fields.kpiName")}</th>
                <th>{t("contracts.fields.kpiTarget")}</th>
                <th>{t("contracts.evaluation.achieved")}</th>
              </tr>
            </thead>
            <tbody>
              {evaluation.kpi_results.map((kpi) => (
                <tr key={kpi.name}>
                  <td>{kpi.name}</td>
                  <td>
                    {kpi.target} {kpi.unit}
                  </td>
                  <td>
                    {kpi.achieved} {kpi.unit}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h2>{t("contracts.print.conclusion")}</h2>
      <p data-testid="evaluation-conclusion">
        {evaluation.total_score === null
          ? t("contracts.print.conclusionPending")
          : t("contracts.print.conclusionText", { score: formatScore(evaluation.total_score), grade })}
      </p>
      <SignatureBlocks
        parties={[
          { key: "evaluator", title: t("contracts.print.evaluatorParty"), lines: signatureLines(t) },
          { key: "purchaser", title: t("contracts.print.purchaser"), lines: signatureLines(t) },
        ]}
      />
    </PrintSheet>
  );
}
