import { and, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/ctx.js";
import { overlapsArea } from "../../../platform/scope/index.js";
import { calls, projectContracts } from "../schema.js";

/**
 * Which of the given calls and contracts (projects) a joint meeting of `areaCode` may put on its
 * agenda: those of the meeting's own area, of an area above it (a district's call discussed by a
 * street) or of an area below it. Two queries at most; unknown ids are simply absent.
 */
export async function projectLinksNear(
  ctx: Ctx,
  ids: { calls: readonly string[]; contracts: readonly string[] },
  areaCode: string,
): Promise<{ calls: Set<string>; contracts: Set<string> }> {
  const near = (column: typeof calls.areaCode | typeof projectContracts.areaCode) => overlapsArea(column, areaCode);
  const callIds = [...new Set(ids.calls)];
  const contractIds = [...new Set(ids.contracts)];
  const callRows =
    callIds.length === 0
      ? []
      : await ctx.db
          .select({ id: calls.id })
          .from(calls)
          .where(and(inArray(calls.id, callIds), near(calls.areaCode), sql`${calls.status} <> 'draft'`));
  const contractRows =
    contractIds.length === 0
      ? []
      : await ctx.db
          .select({ id: projectContracts.id })
          .from(projectContracts)
          .where(and(inArray(projectContracts.id, contractIds), near(projectContracts.areaCode)));
  return { calls: new Set(callRows.map((row) => row.id)), contracts: new Set(contractRows.map((row) => row.id)) };
}
