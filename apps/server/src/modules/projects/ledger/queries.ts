import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type {
  LedgerAttachment,
  LedgerBalance,
  LedgerBalancesQuery,
  LedgerEntry,
  LedgerHolderYear,
  LedgerListQuery,
  LedgerPurpose,
  LedgerSort,
  LedgerSource,
  LedgerStructure,
  LedgerStructureQuery,
  LedgerSummary,
  LedgerSummaryQuery,
  CountedPage,
  Page,
} from "@sanshe/contracts";
import { LedgerPurposeSchema, LedgerSourceSchema } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../../platform/ctx.js";
import { notFound } from "../../../platform/errors/app-error.js";
import { cursorCodec } from "../../../platform/pagination/cursor.js";
import { pageOf } from "../../../platform/pagination/page.js";
import { countCapped, sortedKeyset, type SortColumns } from "../../../platform/pagination/sorted.js";
import { queryRows } from "../../../platform/db/client.js";
import { inScope } from "../../../platform/scope/index.js";
import { getAreaNames } from "../../jurisdictions/index.js";
import { getOrganizations, organizationsPresentUnder } from "../../social-orgs/index.js";
import { purchaserReadScope } from "../contracts/queries.js";
import { fundingLedger, fundingLedgerAttachments } from "../schema.js";
import { presentEntry, type LedgerRow } from "./present.js";
import { ledgerVisible } from "./scope.js";

/** SQL: the calendar year of a row's paid_on. */
const yearOf = sql<number>`extract(year from ${fundingLedger.paidOn})::int`;

/** SQL: paid_on within a calendar year (a range on the date, so the (area_code, paid_on) index serves it). */
function inYear(year: number): SQL {
  return sql`${fundingLedger.paidOn} BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date`;
}

/** SQL: the holder's key, 'c:<community code>' or 'o:<organization id>' (groups, orders and pages holders). */
const holderKey = sql<string>`CASE WHEN ${fundingLedger.holderKind} = 'community' THEN 'c:' || ${fundingLedger.areaCode} ELSE 'o:' || ${fundingLedger.orgId}::text END`;

/** SQL: the number of files attached to the row (a scalar subquery over the page's rows; the outer id qualified by hand). */
const attachmentCount = sql<number>`(SELECT count(*)::int FROM ${fundingLedgerAttachments} a WHERE a.entry_id = "funding_ledger"."id")`;

/** The holders' names of some rows: organizations by id, communities by code (two queries at most). */
export async function holderNames(
  ctx: Ctx,
  holders: ReadonlyArray<{ holderKind: "organization" | "community"; orgId: string | null; areaCode: string }>,
): Promise<(holder: { holderKind: "organization" | "community"; orgId: string | null; areaCode: string }) => string> {
  const organizations = await getOrganizations(
    ctx,
    holders.flatMap((h) => (h.holderKind === "organization" && h.orgId ? [h.orgId] : [])),
  );
  const communities = await getAreaNames(
    ctx,
    holders.flatMap((h) => (h.holderKind === "community" ? [h.areaCode] : [])),
  );
  return (holder) =>
    holder.holderKind === "organization"
      ? (organizations.get(holder.orgId ?? "")?.name ?? "")
      : (communities.get(holder.areaCode) ?? holder.areaCode);
}

/** The list filters as SQL conditions (besides scope and the cursor). */
function listFilters(query: Omit<LedgerListQuery, "cursor" | "limit" | "sort">): SQL[] {
  const conditions: SQL[] = [];
  if (query.holder_kind) {
    conditions.push(eq(fundingLedger.holderKind, query.holder_kind));
  }
  if (query.org_id) {
    conditions.push(eq(fundingLedger.orgId, query.org_id));
  }
  if (query.community) {
    conditions.push(and(eq(fundingLedger.holderKind, "community"), eq(fundingLedger.areaCode, query.community)) as SQL);
  }
  if (query.direction) {
    conditions.push(eq(fundingLedger.direction, query.direction));
  }
  if (query.source) {
    conditions.push(eq(fundingLedger.source, query.source));
  }
  if (query.purpose) {
    conditions.push(eq(fundingLedger.purpose, query.purpose));
  }
  if (query.year) {
    conditions.push(inYear(query.year));
  }
  if (query.contract_id) {
    conditions.push(eq(fundingLedger.contractId, query.contract_id));
  }
  return conditions;
}

/** The sorts of the ledger (sort= allow-list in the contract). */
const ledgerSortColumns: SortColumns<LedgerSort> = {
  paid_on: { expr: fundingLedger.paidOn, kind: "date" },
  amount: { expr: fundingLedger.amountFen, kind: "number" },
};

/**
 * GET /funding-ledger: rows the actor reads, in the chosen order (latest payment first by default),
 * with the capped total; the page and the count at once, then at most two queries for the holders' names.
 * @throws AppError VALIDATION_FAILED for a cursor that is unreadable or of another sort.
 */
export async function listLedger(ctx: ActorCtx, query: LedgerListQuery): Promise<CountedPage<LedgerEntry>> {
  const where = and(ledgerVisible(ctx), ...listFilters(query));
  const keyset = sortedKeyset(ledgerSortColumns, { sort: query.sort, fallback: "-paid_on", cursor: query.cursor, id: fundingLedger.id });
  const [rows, total] = await Promise.all([
    ctx.db
      .select({ row: fundingLedger, attachments: attachmentCount, sortValue: keyset.value })
      .from(fundingLedger)
      .where(keyset.after ? and(where, keyset.after) : where)
      .orderBy(keyset.order)
      .limit(query.limit + 1),
    countCapped(ctx.db, sql`${fundingLedger}`, where),
  ]);
  const nameOf = await holderNames(
    ctx,
    rows.slice(0, query.limit).map((r) => r.row),
  );
  return {
    ...pageOf(
      rows,
      query.limit,
      ({ row, attachments }) => presentEntry(row, nameOf(row), Number(attachments)),
      (last) => keyset.cursorOf(last.sortValue, last.row.id),
    ),
    ...total,
  };
}

/** One ledger row the actor reads, with its holder's name. @throws NOT_FOUND otherwise. */
export async function getVisibleEntry(ctx: ActorCtx, id: string): Promise<LedgerRow> {
  const [row] = await ctx.db
    .select()
    .from(fundingLedger)
    .where(and(eq(fundingLedger.id, id), ledgerVisible(ctx)));
  if (!row) {
    throw notFound();
  }
  return row;
}

type Grouped = {
  holderKind: "organization" | "community";
  orgId: string | null;
  community: string | null;
  year: number;
  direction: "in" | "out";
  source: LedgerSource | null;
  purpose: LedgerPurpose | null;
  amount: string;
  entries: number;
};

const sourceOrder = (source: LedgerSource) => LedgerSourceSchema.options.indexOf(source);
const purposeOrder = (purpose: LedgerPurpose) => LedgerPurposeSchema.options.indexOf(purpose);

/**
 * GET /funding-ledger/summary: one organization's ledger (org_id), one community's (community) or the
 * rows recorded in an area (area, optionally one kind of holder), over the rows the actor reads, in one
 * grouped query: money in by year and source, out by year and purpose, and per holder and year the
 * totals, the breakdowns and the balance. Money in is the sum of its sources by construction, per
 * holder-year and overall.
 */
export async function summarizeLedger(ctx: ActorCtx, query: LedgerSummaryQuery): Promise<LedgerSummary> {
  const conditions: SQL[] = [ledgerVisible(ctx)];
  if (query.org_id) {
    conditions.push(eq(fundingLedger.orgId, query.org_id));
  } else if (query.community) {
    conditions.push(and(eq(fundingLedger.holderKind, "community"), eq(fundingLedger.areaCode, query.community)) as SQL);
  } else {
    conditions.push(inScope(fundingLedger.areaCode, [query.area ?? ""]));
    if (query.holder_kind) {
      conditions.push(eq(fundingLedger.holderKind, query.holder_kind));
    }
  }
  if (query.year) {
    conditions.push(inYear(query.year));
  }
  const community = sql<string | null>`CASE WHEN ${fundingLedger.holderKind} = 'community' THEN ${fundingLedger.areaCode} END`;
  const rows: Grouped[] = await ctx.db
    .select({
      holderKind: fundingLedger.holderKind,
      orgId: fundingLedger.orgId,
      community,
      year: yearOf,
      direction: fundingLedger.direction,
      source: fundingLedger.source,
      purpose: fundingLedger.purpose,
      amount: sql<string>`sum(${fundingLedger.amountFen})::text`,
      entries: sql<number>`count(*)::int`,
    })
    .from(fundingLedger)
    .where(and(...conditions))
    .groupBy(
      fundingLedger.holderKind,
      fundingLedger.orgId,
      community,
      yearOf,
      fundingLedger.direction,
      fundingLedger.source,
      fundingLedger.purpose,
    );
  return summaryOf(rows);
}

/** Folds the grouped rows into the summary (pure). */
export function summaryOf(grouped: readonly Grouped[]): LedgerSummary {
  const inRows = new Map<string, { year: number; source: LedgerSource; amount_fen: number; entries: number }>();
  const outRows = new Map<string, { year: number; purpose: LedgerPurpose; amount_fen: number; entries: number }>();
  const holders = new Map<string, LedgerHolderYear>();
  for (const row of grouped) {
    const amount = Number(row.amount);
    const key = `${row.holderKind}|${row.orgId ?? row.community}|${row.year}`;
    const holder =
      holders.get(key) ??
      ({
        holder_kind: row.holderKind,
        org_id: row.orgId,
        community_code: row.community,
        year: Number(row.year),
        in_fen: 0,
        out_fen: 0,
        balance_fen: 0,
        in_by_source: [],
        out_by_purpose: [],
      } satisfies LedgerHolderYear);
    holders.set(key, holder);
    if (row.direction === "in" && row.source) {
      const k = `${row.year}|${row.source}`;
      const total = inRows.get(k) ?? { year: Number(row.year), source: row.source, amount_fen: 0, entries: 0 };
      total.amount_fen += amount;
      total.entries += Number(row.entries);
      inRows.set(k, total);
      const bySource = holder.in_by_source.find((s) => s.source === row.source);
      if (bySource) {
        bySource.amount_fen += amount;
      } else {
        holder.in_by_source.push({ source: row.source, amount_fen: amount });
      }
    } else if (row.direction === "out" && row.purpose) {
      const k = `${row.year}|${row.purpose}`;
      const total = outRows.get(k) ?? { year: Number(row.year), purpose: row.purpose, amount_fen: 0, entries: 0 };
      total.amount_fen += amount;
      total.entries += Number(row.entries);
      outRows.set(k, total);
      const byPurpose = holder.out_by_purpose.find((p) => p.purpose === row.purpose);
      if (byPurpose) {
        byPurpose.amount_fen += amount;
      } else {
        holder.out_by_purpose.push({ purpose: row.purpose, amount_fen: amount });
      }
    }
  }
  for (const holder of holders.values()) {
    holder.in_by_source.sort((a, b) => sourceOrder(a.source) - sourceOrder(b.source));
    holder.out_by_purpose.sort((a, b) => purposeOrder(a.purpose) - purposeOrder(b.purpose));
    holder.in_fen = holder.in_by_source.reduce((sum, s) => sum + s.amount_fen, 0);
    holder.out_fen = holder.out_by_purpose.reduce((sum, p) => sum + p.amount_fen, 0);
    holder.balance_fen = holder.in_fen - holder.out_fen;
  }
  const rows = [...inRows.values()].sort((a, b) => b.year - a.year || sourceOrder(a.source) - sourceOrder(b.source));
  const out_rows = [...outRows.values()].sort((a, b) => b.year - a.year || purposeOrder(a.purpose) - purposeOrder(b.purpose));
  const bySource = new Map<LedgerSource, number>();
  for (const row of rows) {
    bySource.set(row.source, (bySource.get(row.source) ?? 0) + row.amount_fen);
  }
  const byPurpose = new Map<LedgerPurpose, number>();
  for (const row of out_rows) {
    byPurpose.set(row.purpose, (byPurpose.get(row.purpose) ?? 0) + row.amount_fen);
  }
  const by_source = [...bySource]
    .sort(([a], [b]) => sourceOrder(a) - sourceOrder(b))
    .map(([source, amount_fen]) => ({ source, amount_fen }));
  const by_purpose = [...byPurpose]
    .sort(([a], [b]) => purposeOrder(a) - purposeOrder(b))
    .map(([purpose, amount_fen]) => ({ purpose, amount_fen }));
  const total_fen = by_source.reduce((sum, s) => sum + s.amount_fen, 0);
  const out_fen = by_purpose.reduce((sum, p) => sum + p.amount_fen, 0);
  return {
    rows,
    by_source,
    total_fen,
    out_rows,
    by_purpose,
    out_fen,
    balance_fen: total_fen - out_fen,
    holders: [...holders.values()].sort(
      (a, b) =>
        b.year - a.year ||
        `${a.holder_kind}${a.org_id ?? a.community_code}`.localeCompare(`${b.holder_kind}${b.org_id ?? b.community_code}`),
    ),
  };
}

/** The balances list's keyset cursor: (year, holder key). */
const balancesCursor = cursorCodec(z.tuple([z.number().int(), z.string().regex(/^(c:\d{12}|o:[0-9a-f-]{36})$/)]));

/**
 * GET /funding-ledger/balances: per holder and year of the rows recorded in an area (and read by the
 * actor), money in, out and the balance; newest year first, then by holder (keyset on year, holder key).
 */
export async function listBalances(ctx: ActorCtx, query: LedgerBalancesQuery): Promise<Page<LedgerBalance>> {
  const conditions: SQL[] = [ledgerVisible(ctx), inScope(fundingLedger.areaCode, [query.area])];
  if (query.holder_kind) {
    conditions.push(eq(fundingLedger.holderKind, query.holder_kind));
  }
  if (query.year) {
    conditions.push(inYear(query.year));
  }
  const after = balancesCursor.decode(query.cursor);
  const grouped = ctx.db
    .select({
      key: sql<string>`${holderKey}`.as("key"),
      holderKind: sql<"organization" | "community">`min(${fundingLedger.holderKind})`.as("holder_kind"),
      orgId: sql<string | null>`(array_agg(${fundingLedger.orgId}))[1]`.as("org_id"),
      community: sql<string | null>`min(CASE WHEN ${fundingLedger.holderKind} = 'community' THEN ${fundingLedger.areaCode} END)`.as(
        "community",
      ),
      year: sql<number>`${yearOf}`.as("year"),
      inFen: sql<string>`coalesce(sum(${fundingLedger.amountFen}) FILTER (WHERE ${fundingLedger.direction} = 'in'), 0)::text`.as("in_fen"),
      outFen: sql<string>`coalesce(sum(${fundingLedger.amountFen}) FILTER (WHERE ${fundingLedger.direction} = 'out'), 0)::text`.as(
        "out_fen",
      ),
    })
    .from(fundingLedger)
    .where(and(...conditions))
    .groupBy(holderKey, yearOf)
    .as("g");
  const rows = await ctx.db
    .select()
    .from(grouped)
    .where(after ? sql`(${grouped.year} < ${after[0]} OR (${grouped.year} = ${after[0]} AND ${grouped.key} > ${after[1]}))` : undefined)
    .orderBy(desc(grouped.year), asc(grouped.key))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const nameOf = await holderNames(
    ctx,
    page.map((row) => ({ holderKind: row.holderKind, orgId: row.orgId, areaCode: row.community ?? "" })),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => {
      const inFen = Number(row.inFen);
      const outFen = Number(row.outFen);
      return {
        holder_kind: row.holderKind,
        org_id: row.holderKind === "organization" ? row.orgId : null,
        community_code: row.community,
        holder_name: nameOf({ holderKind: row.holderKind, orgId: row.orgId, areaCode: row.community ?? "" }),
        year: Number(row.year),
        in_fen: inFen,
        out_fen: outFen,
        balance_fen: inFen - outFen,
      };
    }),
    next_cursor: rows.length > query.limit && last ? balancesCursor.encode([Number(last.year), last.key]) : null,
  };
}

/**
 * GET /funding-ledger/structure: the funding structure of an area in a year, for the officials and
 * community staff whose area holds it (anyone else gets empty figures; the area meets the scope in SQL).
 * (a) Figure 3-4: community-held money in by source within the area, amount and share.
 * (b) Figure 3-5: active organizations whose home or a service area lies in the area, each counted once
 * under its main source of the year — the source with the most money in (ties: the source listed first
 * in LedgerSourceSchema) — or, without money in that year, under the first funding source it declared
 * (counted as `declared`); organizations with neither are not counted.
 */
export async function ledgerStructure(ctx: ActorCtx, query: LedgerStructureQuery): Promise<LedgerStructure> {
  const scope = purchaserReadScope(ctx);
  const readable = scope.some((prefix) => query.area.startsWith(prefix));
  const empty: LedgerStructure = {
    area: query.area,
    year: query.year,
    community_sources: [],
    community_in_fen: 0,
    organizations_by_main_source: [],
    organizations: 0,
  };
  if (!readable) {
    return empty;
  }
  const sources = await ctx.db
    .select({ source: sql<LedgerSource>`${fundingLedger.source}`, amount: sql<string>`sum(${fundingLedger.amountFen})::text` })
    .from(fundingLedger)
    .where(
      and(
        inScope(fundingLedger.areaCode, [query.area]),
        eq(fundingLedger.holderKind, "community"),
        eq(fundingLedger.direction, "in"),
        inYear(query.year),
      ),
    )
    .groupBy(fundingLedger.source);
  const communityIn = sources.reduce((sum, row) => sum + Number(row.amount), 0);
  const rank = sql.raw(`array_position(ARRAY[${LedgerSourceSchema.options.map((s) => `'${s}'`).join(",")}]::text[], source)`);
  const mainRows = await queryRows<{ source: LedgerSource; organizations: number; declared: number }>(
    ctx.db,
    sql`
    WITH present AS (${organizationsPresentUnder(query.area)}),
    income AS (
      SELECT ${fundingLedger.orgId} AS org_id, ${fundingLedger.source} AS source, sum(${fundingLedger.amountFen}) AS amount
      FROM ${fundingLedger}
      WHERE ${fundingLedger.orgId} IN (SELECT id FROM present) AND ${fundingLedger.direction} = 'in' AND ${inYear(query.year)}
      GROUP BY 1, 2
    ),
    ranked AS (
      SELECT DISTINCT ON (org_id) org_id, source FROM income ORDER BY org_id, amount DESC, ${rank}
    ),
    chosen AS (
      SELECT p.id, coalesce(r.source, p.declared) AS source, r.source IS NULL AS declared
      FROM present p LEFT JOIN ranked r ON r.org_id = p.id
    )
    SELECT source, count(*)::int AS organizations, count(*) FILTER (WHERE declared)::int AS declared
    FROM chosen WHERE source IS NOT NULL GROUP BY source`,
  );
  return {
    ...empty,
    community_in_fen: communityIn,
    community_sources: sources
      .map((row) => ({ source: row.source, amount_fen: Number(row.amount), share: communityIn > 0 ? Number(row.amount) / communityIn : 0 }))
      .sort((a, b) => sourceOrder(a.source) - sourceOrder(b.source)),
    organizations_by_main_source: mainRows
      .map((row) => ({ source: row.source, organizations: Number(row.organizations), declared: Number(row.declared) }))
      .sort((a, b) => sourceOrder(a.source) - sourceOrder(b.source)),
    organizations: mainRows.reduce((sum, row) => sum + Number(row.organizations), 0),
  };
}

/** GET /funding-ledger/{id}/attachments: the files of an entry the actor reads. */
export async function listEntryAttachments(ctx: ActorCtx, entryId: string): Promise<{ items: LedgerAttachment[] }> {
  await getVisibleEntry(ctx, entryId);
  const rows = await ctx.db
    .select({
      id: fundingLedgerAttachments.id,
      original_name: fundingLedgerAttachments.originalName,
      content_type: fundingLedgerAttachments.contentType,
      size_bytes: fundingLedgerAttachments.sizeBytes,
      createdAt: fundingLedgerAttachments.createdAt,
    })
    .from(fundingLedgerAttachments)
    .where(eq(fundingLedgerAttachments.entryId, entryId))
    .orderBy(asc(fundingLedgerAttachments.createdAt), asc(fundingLedgerAttachments.id));
  return { items: rows.map(({ createdAt, ...row }) => ({ ...row, created_at: createdAt.toISOString() })) };
}

/** The bytes of a ledger attachment, for whoever reads the entry. @throws NOT_FOUND otherwise. */
export async function getEntryAttachment(
  ctx: ActorCtx,
  entryId: string,
  attachmentId: string,
): Promise<{ contentType: string; bytes: Buffer; sha256: string }> {
  const [row] = await ctx.db
    .select({
      contentType: fundingLedgerAttachments.contentType,
      bytes: fundingLedgerAttachments.bytes,
      sha256: fundingLedgerAttachments.sha256,
    })
    .from(fundingLedgerAttachments)
    .innerJoin(fundingLedger, eq(fundingLedger.id, fundingLedgerAttachments.entryId))
    .where(and(eq(fundingLedgerAttachments.id, attachmentId), eq(fundingLedgerAttachments.entryId, entryId), ledgerVisible(ctx)));
  if (!row) {
    throw notFound();
  }
  return row;
}
