import { Button, Spin } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { formatDateTime } from "../../../ui/formatDateTime";
import { usePlan } from "../api";
import { formatTargetValue } from "../components/TargetStatusTag";
import { targetLabel } from "./PlanPage";

const cell = { border: "1px solid #999", padding: "4px 8px", textAlign: "left" as const };

/** Print-friendly plan: the targets table with current values and status, as of now. */
export function PlanPrintPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const query = usePlan(id);
  if (query.isPending) {
    return <Spin />;
  }
  if (query.isError) {
    return <ProblemAlert error={query.error} />;
  }
  const plan = query.data;
  return (
    <article className="plan-print" style={{ maxWidth: 960, margin: "0 auto", background: "#fff", padding: 32 }}>
      <style>{"@media print { .no-print { display: none; } @page { size: A4 landscape; margin: 16mm; } }"}</style>
      <Button className="no-print" onClick={() => window.print()} style={{ float: "right" }}>
        {t("leadership.plan.print")}
      </Button>
      <h1 style={{ fontSize: 22 }}>{plan.title}</h1>
      <p>
        {plan.area_name} · {plan.year} · {t(`leadership.planStatus.${plan.status}`)} ·{" "}
        {t("leadership.plan.asOf", { time: formatDateTime(plan.as_of) })}
      </p>
      <table style={{ borderCollapse: "collapse", width: "100%" }}>
        <thead>
          <tr>
            {["title", "target", "current", "status", "owner", "dueOn"].map((key) => (
              <th key={key} style={cell}>
                {t(`leadership.target.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {plan.targets.map((target) => (
            <tr key={target.id}>
              <td style={cell}>{target.title}</td>
              <td style={cell}>{targetLabel(target)}</td>
              <td style={cell}>
                {formatTargetValue(target.current_value, target.unit)}（{t(`leadership.source.${target.source}`)}）
              </td>
              <td style={cell}>{t(`leadership.targetStatus.${target.status}`)}</td>
              <td style={cell}>{target.owner_name}</td>
              <td style={cell}>{target.due_on}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
