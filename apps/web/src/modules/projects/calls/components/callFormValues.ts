import type { CallCreate, CallDetail, CallSuggestion, Membership } from "@sanshe/contracts";
import { fenToYuan, yuanToFen } from "../../money";
import { beijingFields, beijingInstant } from "../deadline";

/** Document types offered in the form; any other code matching the server's pattern may be typed. */
export const KNOWN_DOC_TYPES = ["plan", "budget", "registration_certificate", "annual_report", "qualification", "references"] as const;
export const DOC_TYPE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

export type CriterionValues = { name: string; description?: string | null; weight: number | null };
export type CallFormValues = {
  area_code: string;
  purchaser_name: string;
  mode: CallCreate["mode"];
  title: string;
  description: string;
  need_categories: string[];
  target_area_codes: string[];
  total_budget_yuan: number | null;
  project_cap_yuan: number | null;
  min_org_grade: CallCreate["min_org_grade"] | undefined;
  eligible_org_categories: CallCreate["eligible_org_categories"];
  require_local_presence: boolean;
  deadline_date: string;
  deadline_time: string;
  required_documents: string[];
  criteria: CriterionValues[];
  evaluation_weights: { purchaser: number | null; beneficiaries: number | null; third_party: number | null };
  reviewer_ids: string[];
};

export const formFields = [
  "area_code",
  "purchaser_name",
  "mode",
  "title",
  "description",
  "need_categories",
  "target_area_codes",
  "min_org_grade",
  "eligible_org_categories",
  "require_local_presence",
  "required_documents",
  "criteria",
  "evaluation_weights",
  "reviewer_ids",
] as const;

/** The payload's fields (without area_code) from the form's values: 元 → fen, Beijing date and time → an instant. */
export function toCallData(values: CallFormValues): Omit<CallCreate, "area_code"> {
  const weights = values.evaluation_weights;
  return {
    purchaser_name: values.purchaser_name.trim(),
    mode: values.mode,
    title: values.title.trim(),
    description: values.description.trim(),
    need_categories: values.need_categories,
    target_area_codes: values.target_area_codes,
    total_budget_fen: yuanToFen(values.total_budget_yuan ?? 0),
    project_cap_fen: yuanToFen(values.project_cap_yuan ?? 0),
    min_org_grade: values.min_org_grade ?? null,
    eligible_org_categories: values.eligible_org_categories,
    require_local_presence: values.require_local_presence,
    required_documents: values.required_documents,
    submission_deadline: beijingInstant(values.deadline_date, values.deadline_time),
    criteria: values.criteria.map((c) => ({
      name: c.name.trim(),
      description: c.description?.trim() ? c.description.trim() : null,
      weight: c.weight ?? 0,
    })),
    reviewer_ids: values.reviewer_ids,
    evaluation_weights: {
      purchaser: weights.purchaser ?? 0,
      beneficiaries: weights.beneficiaries ?? 0,
      third_party: weights.third_party ?? 0,
    },
  };
}

/** The form's starting values: an existing draft, else a suggestion from needs, else sensible defaults. */
export function initialCallValues(
  t: (key: string) => string,
  area: Membership | { area_code: string; area_name: string } | undefined,
  call: CallDetail | undefined,
  suggestion: CallSuggestion | undefined,
  now: number,
): CallFormValues {
  if (call) {
    const deadline = beijingFields(call.submission_deadline);
    return {
      area_code: call.area_code,
      purchaser_name: call.purchaser_name,
      mode: call.mode,
      title: call.title,
      description: call.description,
      need_categories: call.need_categories,
      target_area_codes: call.target_area_codes,
      total_budget_yuan: fenToYuan(call.total_budget_fen),
      project_cap_yuan: fenToYuan(call.project_cap_fen),
      min_org_grade: call.min_org_grade ?? undefined,
      eligible_org_categories: call.eligible_org_categories,
      require_local_presence: call.require_local_presence,
      deadline_date: deadline.date,
      deadline_time: deadline.time,
      required_documents: call.required_documents,
      criteria: call.criteria.map((c) => ({ name: c.name, description: c.description, weight: c.weight })),
      evaluation_weights: call.evaluation_weights,
      reviewer_ids: call.reviewers.map((r) => r.user_id),
    };
  }
  const deadline = beijingFields(new Date(now + 14 * 86_400_000).toISOString());
  return {
    area_code: suggestion?.draft.area_code ?? area?.area_code ?? "",
    purchaser_name: area?.area_name ?? "",
    mode: "commissioned",
    title: suggestion?.draft.title ?? "",
    description: suggestion?.draft.description ?? "",
    need_categories: suggestion?.draft.need_categories ?? [],
    target_area_codes: suggestion?.draft.target_area_codes ?? (area ? [area.area_code] : []),
    total_budget_yuan: null,
    project_cap_yuan: null,
    min_org_grade: undefined,
    eligible_org_categories: [],
    require_local_presence: false,
    deadline_date: deadline.date,
    deadline_time: "17:00:00",
    required_documents: ["plan"],
    criteria: [
      { name: t("calls.form.defaultCriteria.fit"), weight: 40 },
      { name: t("calls.form.defaultCriteria.capacity"), weight: 35 },
      { name: t("calls.form.defaultCriteria.budget"), weight: 25 },
    ],
    evaluation_weights: { purchaser: 40, beneficiaries: 30, third_party: 30 },
    reviewer_ids: [],
  };
}

/** The sum of a form's weights, blanks counting as 0. */
export const sum = (values: Array<number | null | undefined>) => values.reduce<number>((total, v) => total + (Number(v) || 0), 0);
