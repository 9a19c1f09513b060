import { and, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { LedgerEntry, LedgerEntryCreate, LedgerListQuery, LedgerSummary, LedgerSummaryQuery, Page } from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../platform/ctx.js";
import { AppError, notFound } from "../../platform/errors/app-error.js";
import { inScope } from "../../platform/scope/index.js";
import { getOrganizations } from "../social-orgs/index.js";
import { actorOrganizations, purchaserReadScope } from "./contracts-queries.js";
import { fundingLedger } from "./schema.js";

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

type LedgerRow = typeof fundingLedger.$inferSelect;

function presentEntry(row: LedgerRow, orgName: string): LedgerEntry {
  return {
    id: row.id,
    area_code: row.areaCode,
    org_id: row.orgId,
    org_name: orgName,
    source: row.source,
    amount_fen: row.amountFen,
    paid_on: row.paidOn,
    contract_id: row.contractId,
    milestone_id: row.milestoneId,
    description: row.description,
    created_at: row.createdAt.toISOString(),
  };
}

function decodeLedgerCursor(cursor: string): [string, string] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") {
      if (/^\d{4}-\d{2}-\d{2}$/.test(value[0]) && /^[0-9a-f-]{36}$/.test(value[1])) {
        return [value[0], value[1]];
      }
    }
  } catch {
    return null;
  }
  return null;
}

/** GET /funding-ledger: rows the actor reads, latest payment first (keyset on paid_on, id); two queries per page. */
export async function listLedger(ctx: ActorCtx, query: LedgerListQuery): Promise<Page<LedgerEntry>> {
  const conditions: SQL[] = [ledgerVisible(ctx)];
  if (query.org_id) {
    conditions.push(eq(fundingLedger.orgId, query.org_id));
  }
  if (query.source) {
    conditions.push(eq(fundingLedger.source, query.source));
  }
  if (query.contract_id) {
    conditions.push(eq(fundingLedger.contractId, query.contract_id));
  }
  const after = query.cursor ? decodeLedgerCursor(query.cursor) : null;
  if (after) {
    conditions.push(sql`(${fundingLedger.paidOn}, ${fundingLedger.id}) < (${after[0]}::date, ${after[1]}::uuid)`);
  }
  const rows = await ctx.db
    .select()
    .from(fundingLedger)
    .where(and(...conditions))
    .orderBy(desc(fundingLedger.paidOn), desc(fundingLedger.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const organizations = await getOrganizations(
    ctx,
    page.map((row) => row.orgId),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => presentEntry(row, organizations.get(row.orgId)?.name ?? "")),
    next_cursor: rows.length > query.limit && last ? Buffer.from(JSON.stringify([last.paidOn, last.id])).toString("base64url") : null,
  };
}

/**
 * POST /funding-ledger: an organization's staff record income from a source other than government
 * purchase (those rows come only from milestone acceptance). The row carries the organization's home
 * area. @throws LEDGER_ORG_REQUIRED when the actor works for several organizations and named none;
 * NOT_FOUND for an organization the actor does not work for.
 */
export async function createLedgerEntry(ctx: ActorCtx, input: LedgerEntryCreate): Promise<LedgerEntry> {
  const organizations = actorOrganizations(ctx);
  const orgId = input.org_id ?? (organizations.length === 1 ? organizations[0] : undefined);
  if (!orgId) {
    throw new AppError("LEDGER_ORG_REQUIRED");
  }
  if (!organizations.includes(orgId)) {
    throw notFound();
  }
  return withTx(ctx, async (tx) => {
    const organization = (await getOrganizations(tx, [orgId])).get(orgId);
    if (!organization) {
      throw notFound();
    }
    const [row] = await tx.db
      .insert(fundingLedger)
      .values({
        areaCode: organization.area_code,
        orgId,
        source: input.source,
        amountFen: input.amount_fen,
        paidOn: input.paid_on,
        description: input.description,
        createdBy: tx.actor.userId,
        createdAt: tx.now(),
      })
      .returning();
    const entry = row as LedgerRow;
    await tx.audit.record("projects.ledger_record", {
      entityType: "funding_ledger",
      entityId: entry.id,
      areaCode: entry.areaCode,
      detail: { org: orgId, source: entry.source, amount_fen: entry.amountFen, paid_on: entry.paidOn },
    });
    return presentEntry(entry, organization.name);
  });
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
      source: fundingLedger.source,
      amount: sql<string>`sum(${fundingLedger.amountFen})::text`,
      entries: sql<number>`count(*)::int`,
    })
    .from(fundingLedger)
    .where(and(ledgerVisible(ctx), filter))
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
