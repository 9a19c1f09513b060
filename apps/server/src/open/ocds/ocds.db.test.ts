import { DEFAULT_DEMO_PASSWORD } from "@sanshe/contracts";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { eq, sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { buildApp } from "../../app.js";
import { socialOrgsModule } from "../../modules/social-orgs/index.js";
import { usersModule } from "../../modules/users/index.js";
import {
  applications,
  calls,
  fundingLedger,
  milestones,
  projectContracts,
  projectEvaluations,
  reviewScores,
  callCriteria,
  seedProjects,
  finalScoreOf,
} from "../../modules/projects/test/tables.js";
import { users } from "../../platform/auth/index.js";

/**
 * The projects demo seed (once, consistent sums) and the OCDS 1.1 feed built on it: every package
 * validates against the official schemas (copied in ./schema with their licence), pagination by
 * links.next, the date filter, the record, and no personal data.
 */

const schemaDir = new URL("./schema/", import.meta.url);
const load = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(file, schemaDir), "utf8")) as Record<string, unknown>;
const ajv = new Ajv04({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(load("release-schema.json"));
ajv.addSchema(load("versioned-release-validation-schema.json"));
const validateReleasePackage = ajv.compile(load("release-package-schema.json"));
const validateRecordPackage = ajv.compile(load("record-package-schema.json"));

function expectValid(validate: typeof validateReleasePackage, body: unknown): void {
  const valid = validate(body);
  expect(valid ? [] : validate.errors?.map((error) => `${error.instancePath} ${error.message ?? ""}`)).toEqual([]);
}

type Release = {
  id: string;
  ocid: string;
  date: string;
  tag: string[];
  tender?: Record<string, unknown>;
  contracts?: Array<Record<string, unknown>>;
};
type ReleasePackage = { releases: Release[]; links?: { next: string } };

let t: TestApp;
const options = { demoPassword: DEFAULT_DEMO_PASSWORD, minFreeBytes: 0, log: () => undefined };

async function get<T>(url: string, status = 200): Promise<T> {
  const response = await t.app.inject({ method: "GET", url });
  expect(response.statusCode, `${url} ${response.body.slice(0, 300)}`).toBe(status);
  return response.json<T>();
}

beforeAll(async () => {
  t = await createTestApp();
  await socialOrgsModule.seedDemo?.(t.ctx, options);
  await usersModule.seedDemo?.(t.ctx, options);
  await seedProjects(t.ctx, options);
});

afterAll(async () => {
  await t.close();
});

describe("projects demo seed", () => {
  it("loads once, in every mode and stage, with consistent sums", async () => {
    const count = async () => (await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(calls))[0]?.n;
    expect(await count()).toBe(5);
    await seedProjects(t.ctx, options);
    expect(await count()).toBe(5);
    const rows = await t.ctx.db.select().from(calls);
    expect(new Set(rows.map((row) => row.mode))).toEqual(new Set(["venture", "directed", "commissioned"]));
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(["open", "under_review", "awarded"]));
    const open = rows.find((row) => row.status === "open");
    expect(open?.submissionDeadline.getTime()).toBeGreaterThan(Date.now());
    for (const contract of await t.ctx.db.select().from(projectContracts)) {
      const ledger = await t.ctx.db.select().from(fundingLedger).where(eq(fundingLedger.contractId, contract.id));
      expect(ledger.reduce((sum, row) => sum + row.amountFen, 0)).toBe(contract.paidFen);
      const stages = await t.ctx.db.select().from(milestones).where(eq(milestones.contractId, contract.id));
      expect(stages.reduce((sum, row) => sum + row.shareBp, 0)).toBe(10000);
      expect(stages.reduce((sum, row) => sum + row.amountFen, 0)).toBe(contract.amountFen);
    }
    const [overdue] = await t.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(milestones)
      .where(sql`${milestones.status} <> 'accepted' AND ${milestones.dueOn} < current_date`);
    expect(overdue?.n).toBeGreaterThan(0);
    const [evaluation] = await t.ctx.db.select().from(projectEvaluations);
    expect(evaluation?.grade).toBe("good");
    // Final scores are the rubric math over the reviewers' complete score sheets.
    const criteria = await t.ctx.db.select().from(callCriteria);
    for (const application of await t.ctx.db.select().from(applications)) {
      if (application.finalScore === null) {
        continue;
      }
      const scores = await t.ctx.db.select().from(reviewScores).where(eq(reviewScores.applicationId, application.id));
      const byReviewer = new Map<string, number[]>();
      for (const score of scores) {
        const position = criteria.find((criterion) => criterion.id === score.criterionId)?.position ?? 0;
        const sheet = byReviewer.get(score.reviewerId) ?? [];
        sheet[position] = score.score;
        byReviewer.set(score.reviewerId, sheet);
      }
      expect(application.finalScore).toBeCloseTo(finalScoreOf([...byReviewer.values()]) ?? -1, 2);
    }
    const [other] = await t.ctx.db
      .select({ n: sql<number>`count(DISTINCT ${fundingLedger.source})::int` })
      .from(fundingLedger)
      .where(sql`${fundingLedger.source} <> 'gov_purchase'`);
    expect(other?.n).toBeGreaterThanOrEqual(4);
  });
});

describe("OCDS feed", () => {
  it("publishes a valid release package of every stage, oldest first", async () => {
    const body = await get<ReleasePackage>("/open/ocds/releases?limit=100");
    expectValid(validateReleasePackage, body);
    expect(body.links).toBeUndefined();
    const stages = new Set(body.releases.flatMap((release) => release.tag));
    expect(stages).toEqual(new Set(["planning", "tender", "award", "contract", "implementation"]));
    const dates = body.releases.map((release) => release.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(body.releases.map((release) => release.id)).size).toBe(body.releases.length);
    const implementation = body.releases.find((release) => release.tag.includes("implementation"));
    const transactions = (
      implementation?.contracts?.[0]?.implementation as { transactions: Array<{ value: { amount: number; currency: string } }> }
    ).transactions;
    expect(transactions[0]?.value.currency).toBe("CNY");
    // Same state, same ids.
    const again = await get<ReleasePackage>("/open/ocds/releases?limit=100");
    expect(again.releases.map((release) => release.id)).toEqual(body.releases.map((release) => release.id));
  });

  it("pages by links.next without gaps or repeats, every page valid", async () => {
    const all = (await get<ReleasePackage>("/open/ocds/releases?limit=100")).releases.map((release) => release.id);
    const seen: string[] = [];
    let url: string | undefined = "/open/ocds/releases?limit=3";
    while (url) {
      const page: ReleasePackage = await get<ReleasePackage>(url);
      expectValid(validateReleasePackage, page);
      seen.push(...page.releases.map((release) => release.id));
      url = page.links?.next ? new URL(page.links.next).pathname + new URL(page.links.next).search : undefined;
    }
    expect(seen).toEqual(all);
    await get("/open/ocds/releases?cursor=bm9wZQ", 400);
    // A page costs the same number of statements whatever it holds (no query per release).
    const statements = async (url: string) => {
      const before = t.database.stats.queries;
      await get(url);
      return t.database.stats.queries - before;
    };
    expect(await statements("/open/ocds/releases?limit=100")).toBe(await statements("/open/ocds/releases?limit=2"));
  });

  it("pages the same from the list of heads taken once (SANSHE_OCDS_CACHE_SECONDS) as live", async () => {
    const cached = await buildApp({ config: { ...t.config, ocdsCacheSeconds: 60 }, database: t.database, logger: false });
    try {
      const walk = async (app: typeof t.app, first: string): Promise<string[]> => {
        const ids: string[] = [];
        let url: string | undefined = first;
        while (url) {
          const response: { statusCode: number; body: string } = await app.inject({ method: "GET", url });
          expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
          const page = JSON.parse(response.body) as ReleasePackage;
          ids.push(...page.releases.map((release) => release.id));
          url = page.links?.next ? new URL(page.links.next).pathname + new URL(page.links.next).search : undefined;
        }
        return ids;
      };
      const live = await walk(t.app, "/open/ocds/releases?limit=4");
      expect(live.length).toBeGreaterThan(8);
      expect(await walk(cached, "/open/ocds/releases?limit=4")).toEqual(live);
      const middle = (await get<ReleasePackage>("/open/ocds/releases?limit=100")).releases[Math.floor(live.length / 2)] as Release;
      for (const filter of [`since=${encodeURIComponent(middle.date)}`, `until=${encodeURIComponent(middle.date)}`]) {
        expect(await walk(cached, `/open/ocds/releases?limit=3&${filter}`)).toEqual(
          await walk(t.app, `/open/ocds/releases?limit=3&${filter}`),
        );
      }
    } finally {
      await cached.close();
    }
  });

  it("filters by date", async () => {
    const all = (await get<ReleasePackage>("/open/ocds/releases?limit=100")).releases;
    const middle = all[Math.floor(all.length / 2)] as Release;
    const since = await get<ReleasePackage>(`/open/ocds/releases?limit=100&since=${encodeURIComponent(middle.date)}`);
    expectValid(validateReleasePackage, since);
    expect(since.releases.every((release) => release.date >= middle.date)).toBe(true);
    expect(since.releases.map((release) => release.id)).toContain(middle.id);
    const until = await get<ReleasePackage>(`/open/ocds/releases?limit=100&until=${encodeURIComponent(middle.date)}`);
    expect(until.releases.every((release) => release.date <= middle.date)).toBe(true);
    expect(since.releases.length + until.releases.length).toBeGreaterThanOrEqual(all.length);
    // links.next keeps the filter.
    const first = await get<ReleasePackage>(`/open/ocds/releases?limit=1&since=${encodeURIComponent(middle.date)}`);
    const next = new URL(first.links?.next ?? "http://x/");
    expect(next.searchParams.get("since")).toBe(middle.date);
    const second = await get<ReleasePackage>(next.pathname + next.search);
    expect(second.releases[0]?.id).toBe(since.releases[1]?.id);
    await get("/open/ocds/releases?since=yesterday", 400);
  });

  it("serves a valid record package with embedded releases and a compiled release; 404 for an unknown ocid", async () => {
    const [contract] = await t.ctx.db.select().from(projectContracts).where(eq(projectContracts.status, "closed"));
    const [call] = await t.ctx.db
      .select()
      .from(calls)
      .where(eq(calls.id, contract?.callId ?? ""));
    const record = await get<{ records: Array<{ ocid: string; releases: Release[]; compiledRelease: Release & { awards: unknown[] } }> }>(
      `/open/ocds/records/${call?.ocid ?? ""}`,
    );
    expectValid(validateRecordPackage, record);
    const [only] = record.records;
    expect(only?.ocid).toBe(call?.ocid);
    expect(new Set(only?.releases.map((release) => release.tag[0]))).toEqual(new Set(["planning", "award", "contract", "implementation"]));
    expect(only?.compiledRelease.tag).toEqual(["compiled"]);
    expect(only?.compiledRelease.tender?.status).toBe("complete");
    expect(only?.compiledRelease.awards).toHaveLength(1);
    await get("/open/ocds/records/ocds-sanshe-unknown", 404);
  });

  it("carries no personal data", async () => {
    const feed = JSON.stringify(await get("/open/ocds/releases?limit=100"));
    const people = await t.ctx.db.select({ login: users.login, name: users.displayName, id: users.id }).from(users);
    for (const person of people) {
      expect(feed).not.toContain(person.login);
      expect(feed).not.toContain(person.name);
      expect(feed).not.toContain(person.id);
    }
    // A mobile number standing on its own (not eleven digits inside a random id such as a UUID segment).
    expect(feed).not.toMatch(/(?<![0-9A-Za-z-])1[3-9]\d{9}(?![0-9A-Za-z])/);
    expect(feed).not.toContain("contactPoint");
  });
});
