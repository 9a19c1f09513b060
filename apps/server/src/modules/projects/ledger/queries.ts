import { and, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { LedgerEntry, LedgerListQuery, LedgerSummary, LedgerSummaryQuery, Page } from "@sanshe/contracts";
import type { ActorCtx } from "../../../platform/ctx.js";
import { inScope } from "../../../platform/scope/index.js";
import { actorOrganizations, purchaserReadScope } from "../contracts/queries.js";
import { pageNamingOrganizations, ledgerCursor } from "../paging.js";
import { fundingLedger } from "../schema.js";
import { presentEntry, type OrganizationIncomeRow } from "./present.js";

/** Organizations' income rows (communities' rows and money out are not in these answers yet). */
const organizationIncome = sql`${fundingLedger.holderKind} = 'organization' AND ${fundingLedger.direction} = 'in' AND ${fundingLedger.source} <> 'task_funding'`;

/**
 * The funding ledger (费随事转): organizations read their own rows, officials and community staff the
 * rows of their area (area_code: the purchaser's area for gov_purchase, the organization's home area
 * for income it records itself).
 */
function ledgerVisible(ctx: ActorCtx): SQL {
  const organizations = actorOrganizations(ctx);
  const area = inScope(fundingLedger.areaCode, purchaserReadScope(ctx));
  return organizations.length > 0 ? (or(area, inArray(fundingLedger.orgId, organizations)) as SQL) : area;
}

/** GET /funding-ledger: rows the actor reads, latest payment first (keyset on paid_on, id); two queries per page. */
export async function listLedger(ctx: ActorCtx, query: LedgerListQuery): Promise<Page<LedgerEntry>> {
  const conditions: SQL[] = [ledgerVisible(ctx), organizationIncome];
  if (query.org_id) {
    conditions.push(eq(fundingLedger.orgId, query.org_id));
  }
  if (query.source) {
    conditions.push(eq(fundingLedger.source, query.source));
  }
  if (query.contract_id) {
    conditions.push(eq(fundingLedger.contractId, query.contract_id));
  }
  const after = ledgerCursor.decode(query.cursor);
  if (after) {
    conditions.push(sql`(${fundingLedger.paidOn}, ${fundingLedger.id}) < (${after[0]}::date, ${after[1]}::uuid)`);
  }
  const rows = await ctx.db
    .select()
    .from(fundingLedger)
    .where(and(...conditions))
    .orderBy(desc(fundingLedger.paidOn), desc(fundingLedger.id))
    .limit(query.limit + 1);
  return pageNamingOrganizations(
    ctx,
    rows as OrganizationIncomeRow[],
    query.limit,
    { codec: ledgerCursor, sortKey: (row) => row.paidOn },
    presentEntry,
  );
}

/**
 * GET /funding-ledger/summary: totals by year (Asia/Shanghai calendar dates) and source of one
 * organization's income or of the money recorded in an area, over the rows the actor reads (one
 * grouped query).
 */
export async function summarizeLedger(ctx: ActorCtx, query: LedgerSummaryQuery): Promise<LedgerSummary> {
  const filter = query.org_id ? eq(fundingLedger.orgId, query.org_id) : inScope(fundingLedger.areaCode, [query.area ?? ""]);
  const year = sql<number>`extract(year from ${fundingLedger.paidOn})::int`;
  const rows = await ctx.db
    .select({
      year,
      source: sql<LedgerEntry["source"]>`${fundingLedger.source}`,
      amount: sql<string>`sum(${fundingLedger.amountFen})::text`,
      entries: sql<number>`count(*)::int`,
    })
    .from(fundingLedger)
    .where(and(ledgerVisible(ctx), filter, organizationIncome))
    .groupBy(year, fundingLedger.source)
    .orderBy(desc(year), fundingLedger.source);
  const bySource = new Map<LedgerEntry["source"], number>();
  const items = rows.map((row) => {
    const amount = Number(row.amount);
    bySource.set(row.source, (bySource.get(row.source) ?? 0) + amount);
    return { year: Number(row.year), source: row.source, amount_fen: amount, entries: Number(row.entries) };
  });
  return {
    rows: items,
    by_source: [...bySource].map(([source, amount]) => ({ source, amount_fen: amount })),
    total_fen: items.reduce((sum, row) => sum + row.amount_fen, 0),
  };
}
