import type { Me } from "@sanshe/contracts";
import type { AdminTask, AdminTaskDecisionKind, AdminTaskTarget } from "@sanshe/contracts/admin-tasks";

/** Red and amber text dark enough for WCAG 2.1 AA on white (AntD's danger and warning colours are not). */
export const DANGER_TEXT = "#cf1322";
export const WARNING_TEXT = "#ad4e00";

/** Money is integer fen (分) on the server; people read and type 元. */
const yuanFormat = new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY", minimumFractionDigits: 2 });

/** 123456 → "¥1,234.56"; "—" when there is no amount. */
export function formatFen(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? "—" : yuanFormat.format(fen / 100);
}

/** 1234.56 元 (as an InputNumber gives it) → 123456 fen, rounded to the nearest fen; 0 when empty. */
export function yuanToFen(yuan: number | null | undefined): number {
  return yuan === null || yuan === undefined || Number.isNaN(yuan) ? 0 : Math.round(yuan * 100);
}

/** 123456 fen → 1234.56 元, for an InputNumber's initial value. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

const shanghaiDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Asia/Shanghai, YYYY-MM-DD (dates of the domain are Beijing calendar days). */
export function shanghaiToday(now: number = Date.now()): string {
  return shanghaiDay.format(new Date(now));
}

/** The workload's default period: 1 January of this year to today (Beijing time). */
export function thisYearSoFar(now: number = Date.now()): { from: string; to: string } {
  const today = shanghaiToday(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** A decision still awaited after its due date (the due date itself is still in time). */
export function isDecisionOverdue(task: Pick<AdminTask, "status" | "decision_due_on">, today: string): boolean {
  return task.status === "submitted" && task.decision_due_on < today;
}

/** Admitting a task that brings no money needs a recorded exception (费随事转). */
export function needsUnfundedException(decision: AdminTaskDecisionKind | undefined, fundingFen: number): boolean {
  return decision === "admit" && fundingFen === 0;
}

/** Targets that can still be taken back: those whose community still does the task. */
export function activeTargets(targets: readonly AdminTaskTarget[]): AdminTaskTarget[] {
  return targets.filter((target) => target.status === "active");
}

/** 0.425 → "42.5%"; shares are 0–1 from the server. */
export function formatShare(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || Number.isNaN(share)) {
    return "—";
  }
  return `${(share * 100).toFixed(digits)}%`;
}

/** A histogram band {from: 0.3, to: 0.4} → "30–40%". */
export function shareBandLabel(band: { from: number; to: number }): string {
  return `${Math.round(band.from * 100)}–${Math.round(band.to * 100)}%`;
}

/** Rounds hours for display: 1.25 → "1.3", 2 → "2". */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || Number.isNaN(hours)) {
    return "—";
  }
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
}

type Membership = Me["memberships"][number];

/**
 * The area a workload picture opens on: the first membership of a role that reads workload
 * (officials, community staff), the widest first.
 */
export function defaultWorkloadArea(memberships: readonly Membership[]): string | undefined {
  return memberships
    .filter((membership) => membership.role === "official" || membership.role === "community_staff")
    .map((membership) => membership.area_code)
    .sort((a, b) => a.length - b.length)[0];
}

/** The community a community-staff member works for (their queue), if any. */
export function ownCommunity(memberships: readonly Membership[]): Membership | undefined {
  return memberships.find((membership) => membership.role === "community_staff" && membership.area_code.length === 12);
}

/** A department account's membership (its department and jurisdiction). */
export function departmentMembership(memberships: readonly Membership[]): Membership | undefined {
  return memberships.find((membership) => membership.role === "department");
}

/** True for a 12-digit community (社区/村) code. */
export function isCommunityCode(code: string): boolean {
  return /^\d{12}$/.test(code);
}
