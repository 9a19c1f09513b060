import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "../../../platform/ctx.js";
import { periodicCache, type PeriodicCache } from "../../../platform/cache/index.js";
import { organizationName, organizationUsccOf } from "../../social-orgs/index.js";
import { getAreaNames } from "../../jurisdictions/index.js";
import { applications, calls, fundingLedger, milestones, projectContracts } from "../schema.js";

/**
 * Reads behind the public OCDS feed: published (non-draft) calls only, organization names and credit
 * codes only — no user, reviewer or resident data. A release is one stage of a call at one moment;
 * its id carries the stage and the instant it reflects, so the same state always has the same id and
 * a changed stage gets a new release, never a changed release under an old id.
 */

export type OcdsStage = "tender" | "award" | "contract" | "implementation";
export type OcdsReleaseHead = { releaseId: string; stage: OcdsStage; callId: string; contractId: string | null; ocid: string; date: Date };

const stamp = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYYMMDD"T"HH24MISSMS"Z"')`;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

/** Every release of every published call, as one ordered set (date, release id). */
function headsSql(): SQL {
  const lastChange = sql`greatest(pc.updated_at,
      (SELECT max(m.updated_at) FROM ${milestones} AS m WHERE m.contract_id = pc.id),
      (SELECT max(l.created_at) FROM ${fundingLedger} AS l WHERE l.contract_id = pc.id AND l.source = 'gov_purchase'))`;
  return sql`
    SELECT c.ocid || '-tender-' || ${stamp(sql`c.updated_at`)} AS release_id, 'tender' AS stage, c.id AS call_id,
           NULL::uuid AS contract_id, c.ocid, c.updated_at AS date
    FROM ${calls} AS c WHERE c.status <> 'draft' AND c.published_at IS NOT NULL
    UNION ALL
    SELECT c.ocid || '-award-' || ${stamp(sql`c.awarded_at`)}, 'award', c.id, NULL::uuid, c.ocid, c.awarded_at
    FROM ${calls} AS c WHERE c.status = 'awarded' AND c.awarded_at IS NOT NULL
    UNION ALL
    SELECT c.ocid || '-contract-' || pc.id || '-' || ${stamp(sql`pc.updated_at`)}, 'contract', c.id, pc.id, c.ocid, pc.updated_at
    FROM ${projectContracts} AS pc JOIN ${calls} AS c ON c.id = pc.call_id
    UNION ALL
    SELECT c.ocid || '-implementation-' || pc.id || '-' || ${stamp(lastChange)}, 'implementation', c.id, pc.id, c.ocid, ${lastChange}
    FROM ${projectContracts} AS pc JOIN ${calls} AS c ON c.id = pc.call_id
    WHERE EXISTS (SELECT 1 FROM ${milestones} AS m WHERE m.contract_id = pc.id)`;
}

type HeadRow = { release_id: string; stage: OcdsStage; call_id: string; contract_id: string | null; ocid: string; date: unknown };
const toHead = (row: HeadRow): OcdsReleaseHead => ({
  releaseId: row.release_id,
  stage: row.stage,
  callId: row.call_id,
  contractId: row.contract_id,
  ocid: row.ocid,
  date: new Date(row.date as string),
});

/**
 * Release heads ordered by (date, release id), after the keyset `after`, within [since, until], at most
 * `limit`; or every release of one process when `ocid` is given. One statement, or none when the
 * feed's list of heads was taken less than `cache`'s period ago.
 */
export async function listOcdsReleaseHeads(
  ctx: Ctx,
  filter: { since?: Date; until?: Date; after?: { date: Date; releaseId: string }; ocid?: string; limit: number },
  cache: ReleaseHeadCache = null,
): Promise<OcdsReleaseHead[]> {
  if (cache && !filter.ocid) {
    return pageOfHeads((await cache.fetch("all", { context: ctx })) ?? [], filter);
  }
  const conditions: SQL[] = [sql`true`];
  if (filter.since) {
    conditions.push(sql`h.date >= ${filter.since.toISOString()}::timestamptz`);
  }
  if (filter.until) {
    conditions.push(sql`h.date <= ${filter.until.toISOString()}::timestamptz`);
  }
  if (filter.after) {
    // Dates are compared at millisecond precision, the precision of the cursor.
    conditions.push(
      sql`(date_trunc('milliseconds', h.date), h.release_id COLLATE "C") > (${filter.after.date.toISOString()}::timestamptz, ${filter.after.releaseId} COLLATE "C")`,
    );
  }
  if (filter.ocid) {
    conditions.push(sql`h.ocid = ${filter.ocid}`);
  }
  const result = await ctx.db.execute(sql`
    SELECT h.release_id, h.stage, h.call_id, h.contract_id, h.ocid, h.date FROM (${headsSql()}) AS h
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY date_trunc('milliseconds', h.date), h.release_id COLLATE "C"
    LIMIT ${filter.limit}`);
  return rowsOf<HeadRow>(result).map(toHead);
}

/**
 * Every release head of the feed, taken at most once per `seconds` (SANSHE_OCDS_CACHE_SECONDS): the
 * heads are derived from every call, contract, milestone and payment (≈ 110 ms at city scale, 6,000
 * contracts), and the feed is read in bulk by machines. Pages are cut from the list in memory, in
 * the same order and with the same keyset as the statement. null: every page reads them live.
 */
export type ReleaseHeadCache = PeriodicCache<"all", OcdsReleaseHead[], Ctx>;

export function createReleaseHeadCache(seconds: number): ReleaseHeadCache {
  return periodicCache<"all", OcdsReleaseHead[], Ctx>(seconds, 1, async (_key, ctx) => {
    const result = await ctx.db.execute(
      sql`SELECT h.release_id, h.stage, h.call_id, h.contract_id, h.ocid, h.date FROM (${headsSql()}) AS h`,
    );
    return rowsOf<HeadRow>(result)
      .map(toHead)
      .sort((a, b) => compareHeads(a, b.date, b.releaseId));
  });
}

/** Order of heads: date at millisecond precision, then release id byte by byte (ids are ASCII). */
function compareHeads(head: OcdsReleaseHead, date: Date, releaseId: string): number {
  const byDate = head.date.getTime() - date.getTime();
  if (byDate !== 0) {
    return byDate;
  }
  return head.releaseId < releaseId ? -1 : head.releaseId > releaseId ? 1 : 0;
}

function pageOfHeads(
  heads: readonly OcdsReleaseHead[],
  filter: { since?: Date; until?: Date; after?: { date: Date; releaseId: string }; limit: number },
): OcdsReleaseHead[] {
  const { since, until, after } = filter;
  const page: OcdsReleaseHead[] = [];
  for (const head of heads) {
    if (page.length >= filter.limit) {
      break;
    }
    if ((since && head.date < since) || (until && head.date > until) || (after && compareHeads(head, after.date, after.releaseId) <= 0)) {
      continue;
    }
    page.push(head);
  }
  return page;
}

export type OcdsOrganization = { id: string; name: string; uscc: string | null };
export type OcdsProcess = {
  call: typeof calls.$inferSelect;
  areaName: string | null;
  applications: Array<{
    id: string;
    title: string;
    requestedFen: number;
    status: "submitted" | "withdrawn" | "awarded" | "not_awarded";
    decidedAt: Date | null;
    organization: OcdsOrganization;
  }>;
  contracts: Array<typeof projectContracts.$inferSelect>;
  milestones: Array<typeof milestones.$inferSelect>;
  payments: Array<{ id: string; contractId: string; amountFen: number; paidOn: string; createdAt: Date }>;
};

/** Everything the releases of these calls show, in five statements whatever their number. */
export async function getOcdsProcesses(ctx: Ctx, callIds: readonly string[]): Promise<Map<string, OcdsProcess>> {
  const ids = [...new Set(callIds)];
  if (ids.length === 0) {
    return new Map();
  }
  const callRows = await ctx.db
    .select()
    .from(calls)
    .where(and(inArray(calls.id, ids), sql`${calls.status} <> 'draft'`));
  const [applicationRows, contractRows, milestoneRows, paymentRows, areaNames] = await Promise.all([
    ctx.db
      .select({
        id: applications.id,
        callId: applications.callId,
        title: applications.title,
        requestedFen: applications.requestedFen,
        status: applications.status,
        decidedAt: applications.decidedAt,
        orgId: applications.orgId,
        orgName: organizationName(applications.orgId),
        uscc: organizationUsccOf(applications.orgId),
      })
      .from(applications)
      .where(inArray(applications.callId, ids))
      .orderBy(asc(applications.submittedAt), asc(applications.id)),
    ctx.db.select().from(projectContracts).where(inArray(projectContracts.callId, ids)).orderBy(asc(projectContracts.signedAt)),
    ctx.db
      .select({ milestone: milestones, callId: projectContracts.callId })
      .from(milestones)
      .innerJoin(projectContracts, eq(projectContracts.id, milestones.contractId))
      .where(inArray(projectContracts.callId, ids))
      .orderBy(asc(milestones.contractId), asc(milestones.position)),
    ctx.db
      .select({
        id: fundingLedger.id,
        contractId: projectContracts.id,
        callId: projectContracts.callId,
        amountFen: fundingLedger.amountFen,
        paidOn: fundingLedger.paidOn,
        createdAt: fundingLedger.createdAt,
      })
      .from(fundingLedger)
      .innerJoin(projectContracts, eq(projectContracts.id, fundingLedger.contractId))
      .where(and(inArray(projectContracts.callId, ids), eq(fundingLedger.source, "gov_purchase")))
      .orderBy(asc(fundingLedger.paidOn), asc(fundingLedger.id)),
    getAreaNames(
      ctx,
      callRows.map((row) => row.areaCode),
    ),
  ]);
  return new Map(
    callRows.map((call) => [
      call.id,
      {
        call,
        areaName: areaNames.get(call.areaCode) ?? null,
        applications: applicationRows
          .filter((row) => row.callId === call.id)
          .map((row) => ({
            id: row.id,
            title: row.title,
            requestedFen: row.requestedFen,
            status: row.status,
            decidedAt: row.decidedAt,
            organization: { id: row.orgId, name: row.orgName, uscc: row.uscc },
          })),
        contracts: contractRows.filter((row) => row.callId === call.id),
        milestones: milestoneRows.filter((row) => row.callId === call.id).map((row) => row.milestone),
        payments: paymentRows.filter((row) => row.callId === call.id),
      },
    ]),
  );
}
