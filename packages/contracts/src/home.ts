import { z } from "zod";
import { AreaCodeSchema, CalendarDateSchema } from "./common.js";
import { endpoint } from "./endpoint.js";

/**
 * What waits for the signed-in user (首页待办): one entry per kind of work the user may act on, counted
 * in their scope exactly like the list the entry links to.
 */
export const TodoKeySchema = z
  .enum([
    "needs_to_triage",
    "referrals_to_accept",
    "referrals_in_service",
    "confirmations_missing",
    "needs_to_confirm",
    "invitations_to_answer",
    "action_items_to_report",
    "action_items_supervised",
    "action_items_to_accept",
    "reviews_to_score",
    "milestones_to_accept",
    "evaluations_to_give",
    "imports_failed",
    "admin_tasks_to_review",
    "admin_tasks_returned",
    "queue_open",
  ])
  .describe(
    "needs_to_triage: the community's triage queue, pending; referrals_to_accept: referrals sent to you, pending; " +
      "referrals_in_service: accepted, to complete; confirmations_missing: done needs awaiting the resident's confirmation too long; " +
      "needs_to_confirm: your own needs done, awaiting your confirmation; invitations_to_answer: meeting invitations without a reply; " +
      "action_items_to_report: 督办事项 you own, open; action_items_supervised: open 督办事项 of meetings you convened; " +
      "action_items_to_accept: reported done, awaiting your acceptance; reviews_to_score: calls under review where you have applications to score; " +
      "milestones_to_accept: milestone reports awaiting the purchaser; evaluations_to_give: closing projects awaiting your evaluation; " +
      "imports_failed: your imports that failed or were interrupted; admin_tasks_to_review: applications to admit; " +
      "admin_tasks_returned: your applications returned for funding; queue_open: the community's open administrative tasks",
  );
export type TodoKey = z.infer<typeof TodoKeySchema>;

export const TodoSchema = z.object({
  key: TodoKeySchema,
  count: z.number().int().min(0).describe("Records waiting: the total of the list `href` opens"),
  overdue: z.number().int().min(0).nullable().describe("Of those, how many are past their deadline (null: the kind has no deadline)"),
  href: z.string().describe("Console path of the list that shows exactly these records"),
});
export type Todo = z.infer<typeof TodoSchema>;

export const HomeFigureKeySchema = z
  .enum(["needs_reported", "needs_closed", "resident_confirmation_share", "average_rating"])
  .describe(
    "needs_reported: needs reported in the period; needs_closed: of those, closed; resident_confirmation_share: closed needs confirmed by the resident themself (0–1); average_rating: residents' ratings 1–5",
  );
export type HomeFigureKey = z.infer<typeof HomeFigureKeySchema>;

export const HomeFigureSchema = z.object({
  key: HomeFigureKeySchema,
  value: z.number().nullable().describe("This period (null: nothing to measure)"),
  previous: z.number().nullable().describe("The period before, of the same length (null: nothing to measure)"),
});
export type HomeFigure = z.infer<typeof HomeFigureSchema>;

export const HomeFiguresSchema = z.object({
  area_code: AreaCodeSchema.describe("The official's jurisdiction the figures describe"),
  area_name: z.string().describe("Its name"),
  from: CalendarDateSchema.describe("First day of this period (the last 30 days, Asia/Shanghai)"),
  to: CalendarDateSchema.describe("Last day of this period (today)"),
  items: z.array(HomeFigureSchema).describe("Key figures, from the needs dashboard's roll-ups"),
  href: z.string().describe("Console path of the area's dashboard"),
});
export type HomeFigures = z.infer<typeof HomeFiguresSchema>;

export const HomeTodosSchema = z.object({
  items: z.array(TodoSchema).describe("Kinds of work you may act on, those with a count first; kinds you may not act on are absent"),
  figures: HomeFiguresSchema.nullable().describe(
    "Officials: key figures of their first jurisdiction with the previous period; others null",
  ),
});
export type HomeTodos = z.infer<typeof HomeTodosSchema>;

const tags = ["home"] as const;

/** 首页: the signed-in user's to-do list. */
export const homeEndpoints = {
  todos: endpoint({
    method: "GET",
    path: "/home/todos",
    summary: "What waits for you: counts of the records you may act on, with links to their lists; officials also get key figures",
    tags,
    access: "authenticated",
    status: 200,
    response: HomeTodosSchema,
    omitProblems: [400, 404],
  }),
};
