import type { NeedsDashboard } from "@sanshe/contracts";
import type { HomeFigures, HomeTodos, Todo } from "@sanshe/contracts/home";
import type { ActorCtx } from "../../platform/ctx.js";
import { countAdminTaskTodos, countOpenQueue } from "../admin-tasks/index.js";
import { countFailedImports } from "../imports/index.js";
import { countActionItemTodos, countUnansweredInvitations } from "../meetings/index.js";
import { countNeedTodos, countReferralTodos, getNeedsDashboard, type DashboardCache } from "../needs/index.js";
import { countEvaluationsToGive, countMilestonesToAccept, countReviewsToScore } from "../projects/index.js";
import { figurePeriods, orderTodos } from "./policy.js";

const skip = Promise.resolve(null);

/**
 * GET /home/todos: what waits for the actor. Each kind is computed only when the actor holds the
 * permission that acts on it, by one aggregate statement of the owning module over the same predicate
 * as the list the entry links to (so the count is that list's total); officials also get key figures
 * of their first jurisdiction from the needs dashboard's roll-ups, with the period before.
 */
export async function getHomeTodos(ctx: ActorCtx, cache: DashboardCache | null): Promise<HomeTodos> {
  const actor = ctx.actor;
  const [referrals, needs, actionItems, invitations, reviews, milestones, evaluations, imports, tasks, queue, figures] = await Promise.all([
    actor.can("referrals.handle") ? countReferralTodos(ctx) : skip,
    actor.can("needs.write") || actor.can("needs.report") ? countNeedTodos(ctx) : skip,
    actor.can("action_items.handle") || actor.can("meetings.convene") ? countActionItemTodos(ctx) : skip,
    actor.can("meetings.read") ? countUnansweredInvitations(ctx) : skip,
    actor.can("projects.review") ? countReviewsToScore(ctx) : skip,
    actor.can("calls.manage") ? countMilestonesToAccept(ctx) : skip,
    actor.can("projects.evaluate") ? countEvaluationsToGive(ctx) : skip,
    actor.can("imports.run") ? countFailedImports(ctx) : skip,
    actor.can("admin_tasks.review") || actor.can("admin_tasks.apply") ? countAdminTaskTodos(ctx) : skip,
    actor.can("admin_tasks.queue") ? countOpenQueue(ctx) : skip,
    officialFigures(ctx, cache),
  ]);
  const items: Todo[] = [];
  if (referrals) {
    // Community staff handle their community's triage queue: for them the pending inbox is needs to triage.
    items.push({
      key: actor.can("needs.write") ? "needs_to_triage" : "referrals_to_accept",
      count: referrals.pending,
      overdue: referrals.pendingOverdue,
      href: "/referrals?status=pending",
    });
    items.push({
      key: "referrals_in_service",
      count: referrals.accepted,
      overdue: referrals.acceptedOverdue,
      href: "/referrals?status=accepted",
    });
  }
  if (needs && actor.can("needs.write")) {
    items.push({ key: "confirmations_missing", count: needs.confirmationOverdue, overdue: null, href: "/needs?status=done&overdue=1" });
  } else if (needs) {
    items.push({ key: "needs_to_confirm", count: needs.done, overdue: null, href: "/needs?status=done" });
  }
  if (invitations !== null) {
    items.push({ key: "invitations_to_answer", count: invitations, overdue: null, href: "/meetings?reply=pending" });
  }
  if (actionItems && actor.can("action_items.handle")) {
    items.push({
      key: "action_items_to_report",
      count: actionItems.ownedOpen,
      overdue: actionItems.ownedOverdue,
      href: "/action-items?role=owner&status=open",
    });
  }
  if (actionItems && actor.can("meetings.convene")) {
    items.push({
      key: "action_items_supervised",
      count: actionItems.convenedOpen,
      overdue: actionItems.convenedOverdue,
      href: "/action-items?role=convener&status=open",
    });
    items.push({
      key: "action_items_to_accept",
      count: actionItems.convenedDone,
      overdue: null,
      href: "/action-items?role=convener&status=done",
    });
  }
  if (reviews !== null) {
    items.push({ key: "reviews_to_score", count: reviews, overdue: null, href: "/calls?awaiting=my_review" });
  }
  if (milestones) {
    items.push({
      key: "milestones_to_accept",
      count: milestones.count,
      overdue: milestones.overdue,
      href: "/contracts?awaiting=milestones",
    });
  }
  if (evaluations !== null) {
    items.push({ key: "evaluations_to_give", count: evaluations, overdue: null, href: "/contracts?awaiting=evaluation" });
  }
  if (imports !== null) {
    items.push({ key: "imports_failed", count: imports, overdue: null, href: "/imports" });
  }
  if (tasks && actor.can("admin_tasks.review")) {
    items.push({ key: "admin_tasks_to_review", count: tasks.submitted, overdue: null, href: "/admin-tasks?status=submitted" });
  }
  if (tasks && actor.can("admin_tasks.apply")) {
    items.push({ key: "admin_tasks_returned", count: tasks.returned, overdue: null, href: "/admin-tasks?status=returned" });
  }
  if (queue) {
    items.push({ key: "queue_open", count: queue.count, overdue: queue.overdue, href: "/community-queue" });
  }
  return { items: orderTodos(items), figures };
}

/**
 * Key figures of the official's first jurisdiction: the needs dashboard (roll-ups, cached for a district
 * and wider) for the last 30 days and the 30 days before. null for anyone who is not an official.
 */
async function officialFigures(ctx: ActorCtx, cache: DashboardCache | null): Promise<HomeFigures | null> {
  const official = ctx.actor.memberships.find((m) => m.role === "official");
  if (!official || !ctx.actor.scope("needs.dashboard").some((prefix) => official.areaCode.startsWith(prefix))) {
    return null;
  }
  const periods = figurePeriods(ctx.now());
  const area = official.areaCode;
  const [current, previous] = await Promise.all([
    getNeedsDashboard(ctx, { area, ...periods.current }, cache),
    getNeedsDashboard(ctx, { area, ...periods.previous }, cache),
  ]);
  const figure = (read: (board: NeedsDashboard) => number | null) => ({ value: read(current), previous: read(previous) });
  return {
    area_code: area,
    area_name: current.area.name,
    from: periods.current.from,
    to: periods.current.to,
    items: [
      { key: "needs_reported", ...figure((board) => board.totals.total) },
      { key: "needs_closed", ...figure((board) => board.totals.closed) },
      { key: "resident_confirmation_share", ...figure((board) => board.totals.resident_confirmation_share) },
      { key: "average_rating", ...figure((board) => board.totals.average_rating) },
    ],
    href: `/needs/dashboard?area=${area}`,
  };
}
