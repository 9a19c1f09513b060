import { z } from "zod";
import { AreaCodeSchema, TimestampSchema } from "./common.js";
import { endpoint } from "./endpoint.js";

/** Indicators of government purchase of services (项目化运作) for one jurisdiction. */

export const ProjectIndicatorsQuerySchema = z.object({
  area: AreaCodeSchema.optional().describe("Jurisdiction to show; default: your own"),
});
export type ProjectIndicatorsQuery = z.infer<typeof ProjectIndicatorsQuerySchema>;

const Fen = z.number().int().min(0).describe("Amount in fen");
const Count = z.number().int().min(0);
const Share = z.number().min(0).max(1).nullable().describe("0–1, null when nothing to divide by");
const Level = z.enum(["province", "city", "district", "street", "community"]);
const ModeSchema = z.enum(["venture", "directed", "commissioned"]);
const Money = z.object({
  calls: Count.describe("Published calls (not drafts) whose purchaser is in the area"),
  budget_fen: Fen.describe("Sum of the calls' total budgets"),
  awarded_fen: Fen.describe("Sum of the awarded applications' requested amounts"),
  contracted_fen: Fen.describe("Sum of the contracts' amounts"),
  paid_fen: Fen.describe("Sum paid on the contracts (funding ledger)"),
});

export const ProjectIndicatorsSchema = z.object({
  area: z.object({ code: AreaCodeSchema, name: z.string(), level: Level }),
  generated_at: TimestampSchema,
  totals: Money,
  by_mode: z.array(Money.extend({ mode: ModeSchema })).describe("Every purchase mode"),
  org_participation: z
    .object({
      active_orgs: Count.describe("Active organizations registered in the area"),
      with_contract: Count.describe("Of those, organizations that signed a government project contract in the last three years"),
      share: Share,
    })
    .describe("Share of organizations with a government project (图3-2)"),
  funding_by_source: z
    .array(z.object({ source: z.string(), amount_fen: Fen, share: Share }))
    .describe("Funding of the area's organizations by source over the last three years (图3-5), every source"),
  evaluations: z.object({
    evaluated: Count.describe("Completed closing evaluations"),
    average_score: z.number().nullable(),
    by_grade: z.array(z.object({ grade: z.enum(["excellent", "good", "pass", "fail"]), count: Count })),
  }),
  milestones: z.object({
    due: Count.describe("Milestones due by today"),
    on_time: Count.describe("Of those, accepted on or before the due date"),
    share: Share,
  }),
  children: z
    .array(Money.extend({ code: AreaCodeSchema, name: z.string(), level: Level }))
    .describe("One row per direct child area, for drill-down"),
});
export type ProjectIndicators = z.infer<typeof ProjectIndicatorsSchema>;

/** Indicators of government purchase of services (项目化运作指标). */
export const projectIndicatorEndpoints = {
  get: endpoint({
    method: "GET",
    path: "/projects/indicators",
    summary: "Purchase-of-services indicators of a jurisdiction in your scope (default: yours), with one row per child area",
    tags: ["projects"],
    // Either projects.read or needs.dashboard; the handler checks which.
    access: "authenticated",
    query: ProjectIndicatorsQuerySchema,
    status: 200,
    response: ProjectIndicatorsSchema,
  }),
};
