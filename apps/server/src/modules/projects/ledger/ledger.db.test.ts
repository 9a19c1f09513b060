import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { ImportJob, LedgerBalance, LedgerEntry, LedgerStructure, LedgerSummary, Page } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { auditLog } from "../../../platform/audit/schema.js";
import { withTx } from "../../../platform/ctx.js";
import { queryRows } from "../../../platform/db/client.js";
import { buildUser } from "../../users/test/factories.js";
import { buildSocialOrg } from "../../social-orgs/test/factories.js";
import { creditTaskFunding } from "../index.js";
import { fundingLedger } from "../schema.js";

/**
 * The funding ledger of communities and organizations over HTTP: who records and reads which holder's
 * rows, money in by source and out by purpose, the rule that money in is the sum of its sources, balances,
 * the funding structure (figures 3-4 and 3-5) against plain SQL, 费随事转 credits once, attachments and
 * the spreadsheet import.
 */

const clock = new Date("2026-03-15T02:00:00Z");
let t: TestApp;
type Client = ReturnType<typeof as>;
let district: Client;
let street: Client;
let feng: Client;
let sibling: Client;
let orgStaff: Client;
let otherOrgStaff: Client;
let org: { id: string; uscc: string | null };
let otherOrg: { id: string };
const fengle = "410105007002";
const siblingCode = "410105007003";

async function client(grants: Parameters<typeof buildUser>[1]): Promise<Client> {
  const user = await buildUser(t.ctx, grants);
  return as(t.app, await signIn(t.app, user.login));
}

const record = (who: Client, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  who.post("/api/v1/funding-ledger", { amount_fen: 100_00, paid_on: "2025-05-01", description: "记账", ...body }, { headers });

const rows = <T>(query: ReturnType<typeof sql>): Promise<T[]> => queryRows<T>(t.database.db, query);

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  org = await buildSocialOrg.registered(t.ctx, "410105", { serviceAreas: [fengle] });
  otherOrg = await buildSocialOrg(t.ctx, "410105");
  district = await client([{ role: "official", area_code: "410105" }]);
  street = await client([{ role: "official", area_code: "410105007" }]);
  feng = await client([{ role: "community_staff", area_code: fengle }]);
  sibling = await client([{ role: "community_staff", area_code: siblingCode }]);
  orgStaff = await client([{ role: "org_staff", area_code: "410105", organization_id: org.id }]);
  otherOrgStaff = await client([{ role: "org_staff", area_code: "410105", organization_id: otherOrg.id }]);
});

afterAll(async () => {
  await t.close();
});

describe("recording", () => {
  it("lets community staff record their community's money in and out, idempotently and audited", async () => {
    const first = await record(feng, { source: "gov_subsidy", amount_fen: 500_000_00 }, { "idempotency-key": "ledger-community-0001" });
    expect(first.statusCode).toBe(201);
    const entry = first.json<LedgerEntry>();
    expect(entry).toMatchObject({
      holder_kind: "community",
      community_code: fengle,
      org_id: null,
      area_code: fengle,
      direction: "in",
      source: "gov_subsidy",
      purpose: null,
    });
    expect(entry.holder_name).not.toBe("");
    const replay = await record(feng, { source: "gov_subsidy", amount_fen: 500_000_00 }, { "idempotency-key": "ledger-community-0001" });
    expect(replay.json<LedgerEntry>().id).toBe(entry.id);
    const out = await record(feng, { direction: "out", purpose: "activity", amount_fen: 20_000_00, reference: "邻里节" });
    expect(out.statusCode).toBe(201);
    expect(out.json<LedgerEntry>()).toMatchObject({ direction: "out", purpose: "activity", source: null, reference: "邻里节" });
    const audits = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, entry.id));
    expect(audits.map((a) => a.action)).toContain("projects.ledger_record");
  });

  it("refuses bad input with field codes: in needs a recordable source, out a purpose", async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ direction: "in" }, "body.source", "SOURCE_REQUIRED"],
      [{ source: "task_funding" }, "body.source", "SOURCE_SYSTEM_ONLY"],
      [{ source: "gov_purchase" }, "body.source", "SOURCE_SYSTEM_ONLY"],
      [{ direction: "out" }, "body.purpose", "PURPOSE_REQUIRED"],
      [{ direction: "out", purpose: "staff", source: "donation" }, "body.source", "SOURCE_ONLY_FOR_IN"],
      [{ source: "donation", purpose: "staff" }, "body.purpose", "PURPOSE_ONLY_FOR_OUT"],
      [{ source: "donation", community_code: fengle, org_id: org.id }, "body.community_code", "ONE_HOLDER"],
    ];
    for (const [body, path, code] of cases) {
      const response = await record(feng, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ path, code })]));
    }
    expect((await record(feng, { source: "donation", amount_fen: 0 })).statusCode).toBe(400);
    expect((await record(feng, { source: "donation", amount_fen: 1.5 })).statusCode).toBe(400);
    expect((await record(feng, { source: "nope" })).statusCode).toBe(400);
    expect((await record(feng, { source: "donation", paid_on: "2025-02-30" })).statusCode).toBe(400);
  });

  it("records only for the caller's own holders: a sibling community or another organization is 404, officials 403", async () => {
    expect((await record(feng, { source: "donation", community_code: siblingCode })).statusCode).toBe(404);
    expect((await record(feng, { source: "donation", org_id: org.id })).statusCode).toBe(404);
    expect((await record(orgStaff, { source: "donation", org_id: otherOrg.id })).statusCode).toBe(404);
    expect((await record(orgStaff, { source: "donation", community_code: fengle })).statusCode).toBe(404);
    expect((await record(street, { source: "donation" })).statusCode).toBe(403);
    const both = await client([
      { role: "community_staff", area_code: fengle },
      { role: "org_staff", area_code: "410105", organization_id: org.id },
    ]);
    const unnamed = await record(both, { source: "donation" });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().code).toBe("LEDGER_HOLDER_REQUIRED");
    expect((await record(both, { source: "donation", community_code: fengle })).statusCode).toBe(201);
  });

  it("links a contract only of the holder's, and keeps voucher numbers unique per holder", async () => {
    const foreign = await record(orgStaff, { source: "donation", contract_id: "00000000-0000-4000-8000-000000000000" });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().code).toBe("LEDGER_CONTRACT_MISMATCH");
    expect((await record(orgStaff, { source: "donation", voucher_no: "V-1" })).statusCode).toBe(201);
    const again = await record(orgStaff, { source: "donation", voucher_no: "V-1" });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("LEDGER_VOUCHER_EXISTS");
    // Another holder may use the same number.
    expect((await record(otherOrgStaff, { source: "donation", voucher_no: "V-1" })).statusCode).toBe(201);
  });
});

describe("reading", () => {
  it("a community reads only its own ledger; a sibling's rows are invisible and their attachments 404", async () => {
    await record(sibling, { source: "resident", amount_fen: 7_00 });
    const own = (await feng.get("/api/v1/funding-ledger?limit=200")).json<Page<LedgerEntry>>();
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((item) => item.area_code === fengle)).toBe(true);
    const siblingRows = (await sibling.get("/api/v1/funding-ledger?limit=200")).json<Page<LedgerEntry>>();
    expect(siblingRows.items.every((item) => item.area_code === siblingCode)).toBe(true);
    const siblingId = siblingRows.items[0]?.id ?? "";
    expect((await feng.get(`/api/v1/funding-ledger/${siblingId}/attachments`)).statusCode).toBe(404);
    expect((await sibling.get(`/api/v1/funding-ledger?community=${fengle}`)).json<Page<LedgerEntry>>().items).toEqual([]);
    const streetRows = (await street.get("/api/v1/funding-ledger?holder_kind=community&limit=200")).json<Page<LedgerEntry>>();
    expect(new Set(streetRows.items.map((item) => item.community_code))).toEqual(new Set([fengle, siblingCode]));
  });

  it("an organization reads only its own rows; filters by direction, purpose and year", async () => {
    await record(orgStaff, { direction: "out", purpose: "staff", amount_fen: 30_00, paid_on: "2026-01-10" });
    const mine = (await orgStaff.get("/api/v1/funding-ledger?limit=200")).json<Page<LedgerEntry>>();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((item) => item.org_id === org.id && item.holder_kind === "organization")).toBe(true);
    const out2026 = (await orgStaff.get("/api/v1/funding-ledger?direction=out&purpose=staff&year=2026")).json<Page<LedgerEntry>>();
    expect(out2026.items.map((item) => [item.direction, item.purpose, item.paid_on.slice(0, 4)])).toEqual([["out", "staff", "2026"]]);
    expect((await orgStaff.get("/api/v1/funding-ledger?year=abc")).statusCode).toBe(400);
  });
});

describe("totals", () => {
  it("money in equals the sum of its sources, per holder and year and overall, and matches plain SQL", async () => {
    await record(feng, { source: "self_income", amount_fen: 240_000_00, paid_on: "2025-07-01" });
    await record(feng, { source: "donation", amount_fen: 3_33, paid_on: "2026-02-01" });
    await withTx(t.ctx, (tx) =>
      creditTaskFunding(tx, {
        adminTaskId: "11111111-1111-4111-8111-111111111111",
        communityCode: fengle,
        amountFen: 12_000_00,
        paidOn: "2026-02-02",
        description: "防汛排查任务经费",
      }),
    );
    const summary = (await feng.get(`/api/v1/funding-ledger/summary?community=${fengle}`)).json<LedgerSummary>();
    for (const holder of summary.holders) {
      expect(holder.in_fen).toBe(holder.in_by_source.reduce((sum, s) => sum + s.amount_fen, 0));
      expect(holder.balance_fen).toBe(holder.in_fen - holder.out_fen);
    }
    expect(summary.total_fen).toBe(summary.by_source.reduce((sum, s) => sum + s.amount_fen, 0));
    const plain = await rows<{ year: number; direction: string; amount: string }>(
      sql`SELECT extract(year from paid_on)::int AS year, direction, sum(amount_fen)::text AS amount FROM funding_ledger
          WHERE holder_kind = 'community' AND area_code = ${fengle} GROUP BY 1, 2`,
    );
    for (const row of plain) {
      const holder = summary.holders.find((h) => h.year === row.year && h.community_code === fengle);
      expect(row.direction === "in" ? holder?.in_fen : holder?.out_fen).toBe(Number(row.amount));
    }
    expect(summary.by_source.find((s) => s.source === "task_funding")?.amount_fen).toBe(12_000_00);
    expect(summary.out_fen).toBe(summary.by_purpose.reduce((sum, p) => sum + p.amount_fen, 0));
    // The sibling reads nothing of 丰乐社区's totals.
    expect((await sibling.get(`/api/v1/funding-ledger/summary?community=${fengle}`)).json<LedgerSummary>().total_fen).toBe(0);
    expect((await feng.get("/api/v1/funding-ledger/summary?community=1234")).statusCode).toBe(400);
  });

  it("balances per holder and year match plain SQL, page by keyset and stay in scope", async () => {
    const seen: LedgerBalance[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: Page<LedgerBalance> = (
        await district.get(`/api/v1/funding-ledger/balances?area=410105&limit=2${cursor ? `&cursor=${cursor}` : ""}`)
      ).json<Page<LedgerBalance>>();
      seen.push(...page.items);
      cursor = page.next_cursor;
    }
    const plain = await rows<{ key: string; year: number; in_fen: string; out_fen: string }>(
      sql`SELECT CASE WHEN holder_kind = 'community' THEN area_code ELSE org_id::text END AS key, extract(year from paid_on)::int AS year,
            coalesce(sum(amount_fen) FILTER (WHERE direction = 'in'), 0)::text AS in_fen,
            coalesce(sum(amount_fen) FILTER (WHERE direction = 'out'), 0)::text AS out_fen
          FROM funding_ledger WHERE area_code LIKE '410105%' GROUP BY 1, 2`,
    );
    expect(seen).toHaveLength(plain.length);
    for (const row of plain) {
      const balance = seen.find((b) => (b.community_code ?? b.org_id) === row.key && b.year === row.year);
      expect(balance).toMatchObject({ in_fen: Number(row.in_fen), out_fen: Number(row.out_fen) });
      expect(balance?.balance_fen).toBe(Number(row.in_fen) - Number(row.out_fen));
      expect(balance?.holder_name).not.toBe("");
    }
    const community = (await feng.get("/api/v1/funding-ledger/balances?area=410105&limit=200")).json<Page<LedgerBalance>>();
    expect(community.items.every((b) => b.community_code === fengle)).toBe(true);
    const org2 = (await otherOrgStaff.get("/api/v1/funding-ledger/balances?area=410105&limit=200")).json<Page<LedgerBalance>>();
    expect(org2.items.every((b) => b.org_id === otherOrg.id)).toBe(true);
    expect((await district.get("/api/v1/funding-ledger/balances?area=410103")).json<Page<LedgerBalance>>().items).toEqual([]);
  });

  it("the funding structure of figures 3-4 and 3-5 matches plain SQL", async () => {
    // An organization without rows in 2025 is counted by its first declared source.
    await buildSocialOrg(t.ctx, "410105007", { fundingSources: ["foundation", "donation"] });
    // org: self_income is its largest source in 2025.
    await record(orgStaff, { source: "self_income", amount_fen: 900_000_00, paid_on: "2025-08-01" });
    const structure = (await district.get("/api/v1/funding-ledger/structure?area=410105&year=2025")).json<LedgerStructure>();
    const plain = await rows<{ source: string; amount: string }>(
      sql`SELECT source, sum(amount_fen)::text AS amount FROM funding_ledger WHERE area_code LIKE '410105%' AND holder_kind = 'community'
          AND direction = 'in' AND paid_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY source`,
    );
    const total = plain.reduce((sum, row) => sum + Number(row.amount), 0);
    expect(structure.community_in_fen).toBe(total);
    expect(structure.community_sources).toHaveLength(plain.length);
    for (const row of plain) {
      const found = structure.community_sources.find((s) => s.source === row.source);
      expect(found?.amount_fen).toBe(Number(row.amount));
      expect(found?.share).toBeCloseTo(Number(row.amount) / total, 10);
    }
    expect(structure.community_sources.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 10);
    const main = await rows<{ source: string; organizations: number; declared: number }>(sql`
      WITH present AS (
        SELECT o.id, o.funding_sources[1] AS declared FROM social_orgs o WHERE o.status = 'active' AND (o.area_code LIKE '410105%'
          OR EXISTS (SELECT 1 FROM social_org_service_areas s WHERE s.org_id = o.id AND s.area_code LIKE '410105%'))),
      totals AS (
        SELECT org_id, source, sum(amount_fen) AS amount FROM funding_ledger
        WHERE direction = 'in' AND paid_on BETWEEN '2025-01-01' AND '2025-12-31' AND org_id IN (SELECT id FROM present) GROUP BY 1, 2),
      best AS (SELECT t.org_id, t.source FROM totals t WHERE NOT EXISTS (
        SELECT 1 FROM totals u WHERE u.org_id = t.org_id AND (u.amount > t.amount OR (u.amount = t.amount AND u.source < t.source))))
      SELECT coalesce(b.source, p.declared) AS source, count(*)::int AS organizations, count(*) FILTER (WHERE b.source IS NULL)::int AS declared
      FROM present p LEFT JOIN best b ON b.org_id = p.id WHERE coalesce(b.source, p.declared) IS NOT NULL GROUP BY 1`);
    expect([...structure.organizations_by_main_source].sort((a, b) => a.source.localeCompare(b.source))).toEqual(
      main
        .map((row) => ({ source: row.source, organizations: row.organizations, declared: row.declared }))
        .sort((a, b) => a.source.localeCompare(b.source)),
    );
    expect(structure.organizations_by_main_source.find((s) => s.source === "self_income")?.organizations).toBeGreaterThanOrEqual(1);
    expect(structure.organizations_by_main_source.find((s) => s.source === "foundation")?.declared).toBeGreaterThanOrEqual(1);
    // Outside the caller's area the figures are empty, and organizations read none.
    const elsewhere = (await district.get("/api/v1/funding-ledger/structure?area=410103&year=2025")).json<LedgerStructure>();
    expect(elsewhere).toMatchObject({ community_sources: [], organizations_by_main_source: [], organizations: 0 });
    expect((await orgStaff.get("/api/v1/funding-ledger/structure?area=410105&year=2025")).json<LedgerStructure>().organizations).toBe(0);
    expect((await district.get("/api/v1/funding-ledger/structure?area=410105")).statusCode).toBe(400);
  });
});

describe("费随事转 credit", () => {
  it("credits a task once per community whatever the retries", async () => {
    const credit = {
      adminTaskId: "22222222-2222-4222-8222-222222222222",
      communityCode: siblingCode,
      amountFen: 5_000_00,
      paidOn: "2026-03-01",
      description: "人口普查任务经费",
    };
    const first = await withTx(t.ctx, (tx) => creditTaskFunding(tx, credit));
    const second = await withTx(t.ctx, (tx) => creditTaskFunding(tx, credit));
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    const credited = await t.ctx.db
      .select()
      .from(fundingLedger)
      .where(and(eq(fundingLedger.adminTaskId, credit.adminTaskId), eq(fundingLedger.source, "task_funding")));
    expect(credited).toHaveLength(1);
    expect(credited[0]).toMatchObject({ holderKind: "community", areaCode: siblingCode, direction: "in", orgId: null });
    const seen = (await sibling.get("/api/v1/funding-ledger?source=task_funding")).json<Page<LedgerEntry>>();
    expect(seen.items.map((item) => item.admin_task_id)).toEqual([credit.adminTaskId]);
  });
});

describe("attachments", () => {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

  it("the holder's staff attach a receipt; readers download it; others get 404 and wrong types 415", async () => {
    const entry = (await record(feng, { source: "donation", amount_fen: 1_00 })).json<LedgerEntry>();
    const upload = await feng.post(`/api/v1/funding-ledger/${entry.id}/attachments?name=receipt.pdf`, pdf, {
      headers: { "content-type": "application/pdf" },
    });
    expect(upload.statusCode).toBe(201);
    const attachment = upload.json<{ id: string; content_type: string }>();
    expect(attachment.content_type).toBe("application/pdf");
    const list = (await street.get(`/api/v1/funding-ledger/${entry.id}/attachments`)).json<{ items: Array<{ id: string }> }>();
    expect(list.items.map((item) => item.id)).toEqual([attachment.id]);
    const download = await street.get(`/api/v1/funding-ledger/${entry.id}/attachments/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await sibling.get(`/api/v1/funding-ledger/${entry.id}/attachments/${attachment.id}`)).statusCode).toBe(404);
    expect(
      (await sibling.post(`/api/v1/funding-ledger/${entry.id}/attachments`, pdf, { headers: { "content-type": "application/pdf" } }))
        .statusCode,
    ).toBe(404);
    const wrong = await feng.post(`/api/v1/funding-ledger/${entry.id}/attachments`, Buffer.from("GIF89a....."), {
      headers: { "content-type": "image/png" },
    });
    expect(wrong.statusCode).toBe(415);
    const rows2 = (await feng.get(`/api/v1/funding-ledger?limit=200`)).json<Page<LedgerEntry>>();
    expect(rows2.items.find((item) => item.id === entry.id)?.attachments).toBe(1);
  });
});

describe("spreadsheet import", () => {
  async function importCsv(who: Client, csv: string): Promise<ImportJob> {
    const created = await who.post(`/api/v1/imports?kind=funding-ledger&file_name=ledger.csv`, Buffer.from(csv), {
      headers: { "content-type": "application/octet-stream" },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<ImportJob>();
  }
  async function commit(who: Client, job: ImportJob): Promise<ImportJob> {
    await who.post(`/api/v1/imports/${job.id}/commit`, { mode: "valid_only" });
    await t.app.sanshe.idle();
    return (await who.get(`/api/v1/imports/${job.id}`)).json<ImportJob>();
  }
  const header = "社区代码/统一社会信用代码,收支,来源/用途,金额(元),日期,摘要,关联事项,凭证号";

  it("imports rows by holder and voucher number; a re-import updates, never duplicates; bad rows are reported", async () => {
    const csv = [
      header,
      `${fengle},收入,政府补贴,"12,000.50",2025/3/1,区民政局补贴,,IMP-001`,
      `${fengle},支出,活动,800,2025-03-05,重阳节活动,重阳节,IMP-002`,
      `${org.uscc},收入,自营收入,100.1,2025-04-01,培训收入,,IMP-003`,
      `${siblingCode},收入,社会捐赠,5,2025-04-01,越界,,IMP-004`,
      `${fengle},收入,政府购买,5,2025-04-01,系统来源,,IMP-005`,
      `${fengle},收入,社会捐赠,1.234,2025-04-01,金额错误,,IMP-006`,
      `${fengle},支出,社会捐赠,5,2025-04-01,用途错误,,IMP-007`,
    ].join("\n");
    const job = await importCsv(feng, csv);
    const codes = job.errors.map((error) => [error.row, error.code]);
    expect(codes).toEqual(
      expect.arrayContaining([
        [5, "NOT_FOUND"],
        [6, "INVALID_SOURCE"],
        [7, "INVALID_AMOUNT"],
        [8, "INVALID_PURPOSE"],
      ]),
    );
    // 丰乐社区's staff do not record for the organization either.
    expect(codes).toEqual(expect.arrayContaining([[4, "NOT_FOUND"]]));
    const done = await commit(feng, job);
    expect(done).toMatchObject({ status: "completed", inserted: 2 });
    const imported = await t.ctx.db
      .select()
      .from(fundingLedger)
      .where(sql`${fundingLedger.voucherNo} LIKE 'IMP-%'`);
    expect(imported.map((row) => [row.voucherNo, row.direction, row.source, row.purpose, row.amountFen, row.paidOn]).sort()).toEqual([
      ["IMP-001", "in", "gov_subsidy", null, 1_200_050, "2025-03-01"],
      ["IMP-002", "out", null, "activity", 80_000, "2025-03-05"],
    ]);
    // Again, with one amount changed: one update, one unchanged, nothing new.
    const again = await commit(
      feng,
      await importCsv(
        feng,
        [
          header,
          `${fengle},收入,政府补贴,12000.50,2025-03-01,区民政局补贴,,IMP-001`,
          `${fengle},支出,活动,900,2025-03-05,重阳节活动,重阳节,IMP-002`,
        ].join("\n"),
      ),
    );
    expect(again).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const after = await t.ctx.db
      .select()
      .from(fundingLedger)
      .where(sql`${fundingLedger.voucherNo} LIKE 'IMP-%'`);
    expect(after).toHaveLength(2);
    expect(after.find((row) => row.voucherNo === "IMP-002")?.amountFen).toBe(90_000);
    // The organization imports its own row by credit code.
    const orgJob = await commit(
      orgStaff,
      await importCsv(orgStaff, [header, `${org.uscc},收入,自营收入,100.1,2025-04-01,培训收入,,IMP-003`].join("\n")),
    );
    expect(orgJob).toMatchObject({ inserted: 1 });
    const orgRow = await t.ctx.db.select().from(fundingLedger).where(eq(fundingLedger.voucherNo, "IMP-003"));
    expect(orgRow[0]).toMatchObject({ orgId: org.id, holderKind: "organization", amountFen: 10_010 });
  });

  it("exports the rows the caller reads with labels, not codes, and amounts in yuan", async () => {
    const response = await feng.get("/api/v1/exports/funding-ledger?format=csv&direction=out");
    expect(response.statusCode).toBe(200);
    const text = response.body;
    expect(text).toContain("凭证号");
    expect(text).toContain("支出");
    expect(text).toContain("活动");
    expect(text).toContain("900.00");
    expect(text).not.toContain("收入,");
    const sibling2 = await sibling.get("/api/v1/exports/funding-ledger?format=csv");
    expect(sibling2.body).not.toContain("IMP-002");
  });
});
