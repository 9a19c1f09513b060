/**
 * `npm run bench:data -- --scale small|district|city [--seed N] [--residents N] [--as-of YYYY-MM-DD]`:
 * loads a reproducible synthetic world (issue 7) into the configured storage: migrations, the demo
 * world, then
 * - organizations and social workers (unique certificate numbers BENCH-SW-…, each serving 1–3
 *   communities of its organization's street);
 * - residents in households (valid ID numbers and phones, encrypted, blind-indexed and masked by the
 *   residents module's own column helpers);
 * - about one need per resident, with referrals to providers in scope, need_events, service records
 *   (≈ 5 per need) and one `needs.create` audit row per need (bench/data-needs.mts);
 * - calls for projects with their rubric, panel, applications, review declarations and scores,
 *   contracts with milestones, milestone reports, the funding ledger and closing evaluations
 *   (bench/data-projects.mts), and joint meetings with invitees, agenda items, minutes, resolutions,
 *   action items with their history and escalations (bench/data-meetings.mts), one audit row per
 *   created call, application, contract, other-income ledger row and meeting;
 * - the accounts that act in them where no demo account serves: one official per street and district
 *   (bench-official-<code>), one staff member per community (bench-staff-<code>), evaluators
 *   (bench-evaluator-<n>) and one staff member per organization that applies, records income or owns
 *   an action item (bench-org-<n>), all with the demo password; demo-street, demo-community,
 *   demo-district, demo-city and demo-evaluator act in their own areas;
 * with multi-row INSERTs of up to 5,000 rows (one JSON parameter each), one transaction per 10,000
 * residents and their needs, the next chunk generated while the previous one is written, then one
 * transaction for projects and one for meetings. The audit rows are inserted unsealed, as every
 * writer does, and sealed into the hash chain at the end (platform sealAuditLog).
 *
 * small: ≈ 20,000 residents in the 12 communities of 南阳新村街道 (fits PGlite), 120 contracts, 800 meetings;
 * district: ≈ 100,000 residents across the communities of 金水区, 2,000 organizations, 100 social workers,
 * 600 contracts, 4,000 meetings;
 * city: ≈ 1,000,000 residents across the 3,306 communities of 郑州市, 15,000 organizations,
 * 1,000 social workers, 1,000,000 needs and ≈ 5,000,000 service records, 6,000 contracts (projects)
 * and 40,000 meetings (PostgreSQL).
 *
 * Measured on the 2-core CI machine (shared with other jobs), seed 7: small on PGlite ≈ 45 s
 * (294k rows, 8–17k rows/s); district on PostgreSQL 15 72 s (1.47 M rows at 23k rows/s, sealing
 * 100k audit rows 3.5 s); city 18 min (14.7 M rows at 14k rows/s, sealing 1 M audit rows 33 s, 4.9 GB).
 * Projects and meetings add (2026-12-04, machine busy with other jobs): small on PGlite 23k rows in
 * 0.8 s; district on PostgreSQL 113k rows in 3.9 s (whole load 116 s, of which needs 100 s).
 *
 * Same --seed and --as-of (default: today, 00:00 UTC) → the same rows (ids, names, timestamps); only
 * the ciphertexts differ (random IVs), and references to the demo world (its accounts and facilities,
 * whose ids the demo seed draws at random). A database that already holds a bench world is refused.
 */
import { parseArgs } from "node:util";
import { like, and, eq, sql, getTableColumns, getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { idNumberCheckCharacter, type RelationToHead, type ResidentGroup } from "@sanshe/contracts";
import { loadConfig } from "../apps/server/src/platform/config.js";
import { openDatabase, queryRows, type Db } from "../apps/server/src/platform/db/client.js";
import { migrateDatabase } from "../apps/server/src/platform/db/migrate.js";
import { configurePii } from "../apps/server/src/platform/pii/index.js";
import { systemCtx } from "../apps/server/src/platform/system.js";
import { withTx } from "../apps/server/src/platform/ctx.js";
import { seedDemo, seededRandom } from "../apps/server/src/platform/seed.js";
import { sealAuditLog } from "../apps/server/src/platform/audit/chain.js";
import { auditLog } from "../apps/server/src/platform/audit/schema.js";
import { modules } from "../apps/server/src/modules/registry.js";
import { areas } from "../apps/server/src/modules/jurisdictions/schema.js";
import { households, residents } from "../apps/server/src/modules/residents/schema.js";
import { idNumberColumns, phoneColumns } from "../apps/server/src/modules/residents/service.js";
import { socialOrgs } from "../apps/server/src/modules/social-orgs/schema.js";
import { socialWorkerCommunities, socialWorkers } from "../apps/server/src/modules/social-workers/schema.js";
import { needEvents, needs, referrals, serviceRecords } from "../apps/server/src/modules/needs/schema.js";
import { memberships, users } from "../apps/server/src/platform/auth/schema.js";
import { hashPassword } from "../apps/server/src/platform/auth/password.js";
import { facilities } from "../apps/server/src/modules/communities/schema.js";
import {
  applications,
  callCriteria,
  callReviewers,
  calls,
  fundingLedger,
  milestoneReports,
  milestones,
  projectContracts,
  projectEvaluations,
  reviewDeclarations,
  reviewScores,
} from "../apps/server/src/modules/projects/schema.js";
import {
  actionItemEscalations,
  actionItems,
  actionItemUpdates,
  meetingAgendaItems,
  meetingInvitees,
  meetingResolutions,
  meetings,
} from "../apps/server/src/modules/meetings/schema.js";
import { emptyBatch, needGenerator, type NeedBatch, type Provider, type Providers } from "./data-needs.mjs";
import { generateProjects, type Org, type People, type Person } from "./data-projects.mjs";
import { generateMeetings } from "./data-meetings.mjs";

const say = (line: string) => void process.stdout.write(`${line}\n`);
const fail = (line: string) => void process.stderr.write(`${line}\n`);

const scales = {
  small: { residents: 20_000, orgs: 200, workers: 20, contracts: 120, meetings: 800, evaluators: 4, areaPrefix: "410105007" },
  district: { residents: 100_000, orgs: 2_000, workers: 100, contracts: 600, meetings: 4_000, evaluators: 9, areaPrefix: "410105" },
  city: { residents: 1_000_000, orgs: 15_000, workers: 1_000, contracts: 6_000, meetings: 40_000, evaluators: 39, areaPrefix: "4101" },
} as const;
type Scale = keyof typeof scales;
/** Needs per resident (1,000,000 at city scale); service records follow from the status mix (≈ 5 per need). */
const needsPerResident = 1;
const workerPrefix = "BENCH-SW-";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "small" },
    seed: { type: "string", default: "7" },
    residents: { type: "string" },
    "as-of": { type: "string" },
  },
});
if (!(values.scale in scales)) {
  fail(`--scale must be one of: ${Object.keys(scales).join(", ")}`);
  process.exit(2);
}
const scale = values.scale as Scale;
const seed = Number(values.seed);
if (!Number.isInteger(seed)) {
  fail("--seed must be an integer");
  process.exit(2);
}
const residentTarget = values.residents === undefined ? scales[scale].residents : Number(values.residents);
if (!Number.isInteger(residentTarget) || residentTarget < 1) {
  fail("--residents must be a positive integer");
  process.exit(2);
}
const asOf = values["as-of"] ? new Date(`${values["as-of"]}T00:00:00Z`) : new Date(new Date().toISOString().slice(0, 10));
if (Number.isNaN(asOf.getTime())) {
  fail("--as-of must be a date YYYY-MM-DD");
  process.exit(2);
}
const config = loadConfig(process.env);
if (scale !== "small" && !config.databaseUrl) {
  fail(`--scale ${scale} needs PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/sanshe_bench).`);
  process.exit(2);
}

const random = seededRandom(seed);
const pick = <T,>(items: readonly T[] | string): T => items[Math.floor(random() * items.length)] as T;
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const hex8 = () =>
  Math.floor(random() * 4294967296)
    .toString(16)
    .padStart(8, "0");
/** A v4-shaped UUID from the PRNG (reproducible ids). */
const uuid = () => {
  const s = hex8() + hex8() + hex8() + hex8();
  const variant = "89ab"[parseInt(s[16] as string, 16) & 3] as string;
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20)}`;
};

/**
 * Multi-row INSERTs of up to 5,000 rows, each sent as one JSON parameter expanded by
 * json_populate_recordset: the same rows as db.insert(table).values(rows), without building tens of
 * thousands of bound parameters in Node. Columns not given take their defaults (bigserial seq).
 */
async function insertRows<T extends PgTable>(db: Db, table: T, rows: ReadonlyArray<T["$inferInsert"]>): Promise<void> {
  const first = rows[0] as Record<string, unknown> | undefined;
  if (!first) {
    return;
  }
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(first);
  const names = keys.map((key) => {
    const column = columns[key];
    if (!column) {
      throw new Error(`${getTableName(table)} has no column ${key}`);
    }
    return column.name;
  });
  const list = sql.raw(names.map((name) => `"${name}"`).join(", "));
  const target = sql.raw(`"${getTableName(table)}"`);
  for (let start = 0; start < rows.length; start += 5_000) {
    const chunk = rows.slice(start, start + 5_000) as Array<Record<string, unknown>>;
    const json = JSON.stringify(
      chunk.map((row) => {
        const named: Record<string, unknown> = {};
        keys.forEach((key, index) => {
          named[names[index] as string] = row[key] ?? null;
        });
        return named;
      }),
    );
    await db.execute(sql`INSERT INTO ${target} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${target}, ${json}::json)`);
  }
}

const surnames =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const givenMale = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林";
const givenFemale = "芳娜敏静丽艳娟霞秀英华慧巧美娅莉燕玲桂丹萍红玉兰琳雪梅颖";
const roads = ["丰乐路", "南阳路", "黄河路", "政七街", "东风路", "丰产路", "纬五路", "经三路", "红专路", "文化路", "花园路", "农业路"];
// Birthplace codes other than 410105, so the synthetic ID numbers never meet the demo seed's.
const birthplaces = ["410102", "410103", "410104", "410108", "410122", "410181", "410182", "410183", "411302", "410305"];

const started = Date.now();
const log = (line: string) => say(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);

const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, statementTimeoutMs: 600_000 });
try {
  configurePii(config.piiKey);
  log(`storage: ${database.kind}; scale: ${scale}; seed: ${seed}; as of: ${asOf.toISOString().slice(0, 10)}; residents: ${residentTarget}`);
  await migrateDatabase(database);
  log("migrated");
  const ctx = systemCtx(database.db);
  await seedDemo(ctx, modules, {
    demoPassword: config.demoPassword,
    minFreeBytes: config.minFreeBytes,
    dataDir: database.dataDir,
    log: (line: string) => log(`  ${line}`),
  });
  log("demo world seeded");

  const spec = scales[scale];
  if (
    (await queryRows(database.db, sql`SELECT 1 FROM social_workers WHERE certificate_no LIKE ${`${workerPrefix}%`} LIMIT 1`)).length > 0
  ) {
    fail("this database already holds a bench world (social workers BENCH-SW-…); load into a fresh database or SANSHE_DATA_DIR.");
    process.exitCode = 1;
  } else {
    const communities = (
      await database.db
        .select({ code: areas.code })
        .from(areas)
        .where(and(eq(areas.level, "community"), like(areas.code, `${spec.areaPrefix}%`)))
        .orderBy(areas.code)
    ).map((row) => row.code);
    if (communities.length === 0) {
      throw new Error(`no communities under ${spec.areaPrefix} in the areas table`);
    }
    const streets = [...new Set(communities.map((code) => code.slice(0, 9)))];
    const communitiesOf = new Map<string, string[]>();
    for (const code of communities) {
      communitiesOf.set(code.slice(0, 9), [...(communitiesOf.get(code.slice(0, 9)) ?? []), code]);
    }
    log(`${communities.length} communities in ${streets.length} streets under ${spec.areaPrefix}`);
    const now = asOf;
    const rate = (count: number, since: number) => `${Math.round(count / Math.max(0.001, (Date.now() - since) / 1000))}/s`;

    // Organizations and social workers first: referrals name them.
    const kinds = [
      "养老服务中心",
      "社会工作服务中心",
      "志愿者协会",
      "青少年服务中心",
      "文化艺术团",
      "助残服务社",
      "邻里互助会",
      "心理咨询服务中心",
    ];
    const orgCategories = ["charity", "culture_sports", "life_services", "rights", "comprehensive"] as const;
    const orgRows: Array<typeof socialOrgs.$inferInsert> = [];
    for (let index = 0; index < spec.orgs; index += 1) {
      const kind = pick<string>(kinds);
      const home = random() < 0.5 ? pick<string>(streets) : pick<string>(communities);
      orgRows.push({
        id: uuid(),
        areaCode: home,
        name: `演示${pick<string>(roads).slice(0, 2)}${kind}${index + 1}号`,
        registration: random() < 0.4 ? "registered" : "filed",
        category: kind === "养老服务中心" || kind === "助残服务社" ? "life_services" : pick(orgCategories),
        isSocialWorkAgency: kind === "社会工作服务中心",
        description: `演示数据：${kind}，为辖区居民提供${pick(["居家养老", "养老助餐", "儿童托管", "助残康复", "法律援助", "文体活动", "心理疏导"])}等服务。`,
        staffCount: between(2, 60),
        createdAt: now,
        updatedAt: now,
      });
    }
    const workerRows: Array<typeof socialWorkers.$inferInsert> = [];
    const servedRows: Array<typeof socialWorkerCommunities.$inferInsert> = [];
    const levels = ["staff", "assistant", "assistant", "social_worker", "social_worker", "senior"] as const;
    for (let index = 0; index < spec.workers; index += 1) {
      const employer = pick(orgRows);
      const gender = random() < 0.7 ? "female" : "male";
      const level = pick(levels);
      const year = between(2010, 2025);
      const id = uuid();
      workerRows.push({
        id,
        areaCode: employer.areaCode,
        name:
          pick<string>(surnames) +
          pick<string>(gender === "male" ? givenMale : givenFemale) +
          (random() < 0.6 ? pick<string>(givenFemale) : ""),
        gender,
        level,
        certificateNo: level === "staff" ? null : `${workerPrefix}${year}-${String(index + 1).padStart(6, "0")}`,
        certificateYear: level === "staff" ? null : year,
        organizationId: employer.id as string,
        status: "active",
        createdAt: now,
        updatedAt: now,
      });
      const near = communitiesOf.get(employer.areaCode.slice(0, 9)) ?? communities;
      const served = new Set(employer.areaCode.length === 12 ? [employer.areaCode] : []);
      for (let extra = between(1, 3); extra > 0; extra -= 1) {
        served.add(pick(near));
      }
      for (const code of served) {
        servedRows.push({ workerId: id, areaCode: code, createdAt: now });
      }
    }
    // The first worker carries a certificate: it marks a loaded world (see the check above).
    const marker = workerRows.findIndex((row) => row.certificateNo);
    if (marker > 0) {
      workerRows.unshift(...workerRows.splice(marker, 1));
    }
    await withTx(ctx, async (tx) => {
      await insertRows(tx.db, socialOrgs, orgRows);
      await insertRows(tx.db, socialWorkers, workerRows);
      await insertRows(tx.db, socialWorkerCommunities, servedRows);
      await tx.audit.record("social_orgs.seed", {
        entityType: "social_org",
        areaCode: spec.areaPrefix,
        detail: { seed: "bench", scale, organizations: orgRows.length, social_workers: workerRows.length },
      });
    });
    log(`organizations ${orgRows.length}, social workers ${workerRows.length} serving ${servedRows.length} communities`);

    const providerMap = new Map<string, Providers>();
    const providersOf = (community: string): Providers => {
      let found = providerMap.get(community);
      if (!found) {
        found = { organizations: [], workers: [] };
        providerMap.set(community, found);
      }
      return found;
    };
    for (const org of orgRows) {
      const entry: Provider = { id: org.id as string, name: org.name };
      for (const code of org.areaCode.length === 12 ? [org.areaCode] : (communitiesOf.get(org.areaCode) ?? [])) {
        providersOf(code).organizations.push(entry);
      }
    }
    const workerNames = new Map(workerRows.map((row) => [row.id as string, row.name]));
    for (const served of servedRows) {
      providersOf(served.areaCode).workers.push({ id: served.workerId, name: workerNames.get(served.workerId) ?? "" });
    }
    const addNeed = needGenerator({ random, between, pick, uuid }, asOf, providersOf);

    const usedIds = new Set<string>();
    const usedPhones = new Set<string>();
    const idNumber = (gender: "male" | "female", year: number) => {
      for (;;) {
        const sequence = between(0, 499) * 2 + (gender === "male" ? 1 : 0);
        const first17 = `${pick(birthplaces)}${year}${String(between(1, 12)).padStart(2, "0")}${String(between(1, 28)).padStart(2, "0")}${String(sequence).padStart(3, "0")}`;
        const id = first17 + idNumberCheckCharacter(first17);
        if (!usedIds.has(id)) {
          usedIds.add(id);
          return id;
        }
      }
    };
    const phone = () => {
      for (;;) {
        const value = `1${pick(["38", "39", "37", "50", "51", "58", "59", "86", "87", "88", "35", "36"])}${String(between(0, 99_999_999)).padStart(8, "0")}`;
        if (!usedPhones.has(value)) {
          usedPhones.add(value);
          return value;
        }
      }
    };

    type HouseholdRow = typeof households.$inferInsert;
    type ResidentRow = typeof residents.$inferInsert;
    /** One household (1–5 people; 8% elderly living alone) in a community. */
    const household = (areaCode: string): { household: HouseholdRow | null; members: ResidentRow[] } => {
      const address = `${pick(roads)}${between(1, 199)}号院${between(1, 20)}号楼${between(1, 4)}单元${between(1, 18)}0${between(1, 4)}室`;
      const surname = pick<string>(surnames);
      const person = (
        gender: "male" | "female",
        year: number,
        relation: RelationToHead | null,
        groups: ResidentGroup[],
        family = surname,
      ) => {
        const age = 2026 - year;
        const given = gender === "male" ? givenMale : givenFemale;
        const id = idNumber(gender, year);
        return {
          id: uuid(),
          areaCode,
          name: family + pick<string>(given) + (random() < 0.6 ? pick<string>(given) : ""),
          ...idNumberColumns(id),
          ...phoneColumns(age >= 16 && random() < 0.85 ? phone() : null),
          address,
          relationToHead: relation,
          groups: [...groups, ...(age < 18 ? (["minor"] as const) : [])].sort(),
          legalBasis: "statutory_duty" as const,
          createdAt: now,
          updatedAt: now,
        } satisfies ResidentRow;
      };
      if (random() < 0.08) {
        const groups: ResidentGroup[] = ["elderly_alone"];
        if (random() < 0.25) {
          groups.push("low_income");
        }
        return {
          household: null,
          members: [{ ...person(random() < 0.6 ? "female" : "male", between(1932, 1955), null, groups), householdId: null }],
        };
      }
      const householdId = uuid();
      const headGender = random() < 0.7 ? "male" : "female";
      const headYear = between(1950, 1998);
      const shared: ResidentGroup[] = [];
      if (random() < 0.06) {
        shared.push("low_income");
      }
      if (random() < 0.12) {
        shared.push("migrant");
      }
      const members = [
        person(headGender, headYear, "head", shared),
        person(
          headGender === "male" ? "female" : "male",
          Math.min(headYear + between(-3, 3), 2005),
          "spouse",
          shared,
          pick<string>(surnames),
        ),
      ];
      for (let extra = between(0, 3); extra > 0; extra -= 1) {
        members.push(person(random() < 0.5 ? "male" : "female", Math.min(headYear + between(22, 34), 2025), "child", shared));
      }
      const head = members[0] as ResidentRow;
      return {
        household: { id: householdId, areaCode, address, headResidentId: head.id ?? null, createdAt: now, updatedAt: now },
        members: members.map((member) => ({ ...member, householdId })),
      };
    };

    // One transaction per 10,000 residents with their needs; the next chunk is generated while one is written.
    const chunkResidents = 10_000;
    const counts = { residents: 0, households: 0, needs: 0, referrals: 0, events: 0, records: 0, audits: 0 };
    let communityIndex = 0;
    let needCredit = 0;
    /** A few referral ids per community, for meeting agendas. */
    const referralSamples = new Map<string, string[]>();
    const loadStarted = Date.now();
    let writing: Promise<void> | null = null;
    const write = async (householdRows: HouseholdRow[], residentRows: ResidentRow[], batch: NeedBatch) => {
      await withTx(ctx, async (tx) => {
        await insertRows(tx.db, households, householdRows);
        await insertRows(tx.db, residents, residentRows);
        await insertRows(tx.db, needs, batch.needs);
        await insertRows(tx.db, referrals, batch.referrals);
        await insertRows(tx.db, needEvents, batch.events);
        await insertRows(tx.db, serviceRecords, batch.records);
        await insertRows(tx.db, auditLog, batch.audits);
        await tx.audit.record("residents.seed", {
          entityType: "resident",
          areaCode: spec.areaPrefix,
          detail: { seed: "bench", scale, residents: residentRows.length, households: householdRows.length, needs: batch.needs.length },
        });
      });
      counts.residents += residentRows.length;
      counts.households += householdRows.length;
      counts.needs += batch.needs.length;
      counts.referrals += batch.referrals.length;
      counts.events += batch.events.length;
      counts.records += batch.records.length;
      counts.audits += batch.audits.length;
      const rows = Object.values(counts).reduce((sum, value) => sum + value, 0);
      log(
        `residents ${counts.residents.toLocaleString("en")}/${residentTarget.toLocaleString("en")}, needs ${counts.needs.toLocaleString("en")}, ` +
          `referrals ${counts.referrals.toLocaleString("en")}, events ${counts.events.toLocaleString("en")}, service records ${counts.records.toLocaleString("en")} ` +
          `(${rate(counts.residents, loadStarted)} residents, ${rate(rows, loadStarted)} rows)`,
      );
    };
    let generated = 0;
    while (generated < residentTarget) {
      const residentRows: ResidentRow[] = [];
      const householdRows: HouseholdRow[] = [];
      while (residentRows.length < chunkResidents && generated + residentRows.length < residentTarget) {
        const areaCode = communities[communityIndex % communities.length] as string;
        communityIndex += 1;
        const made = household(areaCode);
        if (made.household) {
          householdRows.push(made.household);
        }
        residentRows.push(...made.members);
      }
      generated += residentRows.length;
      const batch = emptyBatch();
      needCredit += residentRows.length * needsPerResident;
      for (; needCredit >= 1; needCredit -= 1) {
        const owner = pick(residentRows);
        addNeed(batch, { residentId: owner.id as string, areaCode: owner.areaCode });
      }
      for (const referral of batch.referrals) {
        const sample = referralSamples.get(referral.areaCode) ?? [];
        if (sample.length < 10) {
          sample.push(referral.id as string);
          referralSamples.set(referral.areaCode, sample);
        }
      }
      if (writing) {
        await writing;
      }
      writing = write(householdRows, residentRows, batch);
    }
    if (writing) {
      await writing;
    }
    const rows = Object.values(counts).reduce((sum, value) => sum + value, 0);
    log(`loaded ${rows.toLocaleString("en")} rows in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s (${rate(rows, loadStarted)})`);

    // Projects and meetings, acted by the demo accounts where they serve and by bench accounts elsewhere.
    const worldStarted = Date.now();
    const prefix = spec.areaPrefix;
    const ancestors = ["4101", "410105", "410105007"].filter((code) => code.length < prefix.length && prefix.startsWith(code));
    const areaNames = new Map(
      (
        await queryRows<{ code: string; name: string }>(
          database.db,
          sql`SELECT code, name FROM areas WHERE code LIKE ${`${prefix}%`} OR code = ANY(${`{${ancestors.join(",")}}`}::text[])`,
        )
      ).map((row) => [row.code, row.name]),
    );
    const facilityIds = new Map<string, string[]>();
    for (const row of await database.db
      .select({ id: facilities.id, areaCode: facilities.areaCode })
      .from(facilities)
      .where(like(facilities.areaCode, `${prefix}%`))
      .orderBy(facilities.areaCode, facilities.id)) {
      facilityIds.set(row.areaCode, [...(facilityIds.get(row.areaCode) ?? []), row.id]);
    }
    const demoAccounts = new Map(
      (
        await queryRows<{ id: string; login: string }>(
          database.db,
          sql`SELECT id, login FROM users WHERE login IN ('demo-city', 'demo-district', 'demo-district-erqi', 'demo-street', 'demo-community', 'demo-evaluator')`,
        )
      ).map((row) => [row.login, { id: row.id, login: row.login }]),
    );
    const demoManagers: Record<string, string> = {
      "4101": "demo-city",
      "410105": "demo-district",
      "410103": "demo-district-erqi",
      "410105007": "demo-street",
      "410105007002": "demo-community",
    };
    const passwordHash = await hashPassword(config.demoPassword);
    const userRows: Array<typeof users.$inferInsert> = [];
    const membershipRows: Array<typeof memberships.$inferInsert> = [];
    const benchUser = (
      login: string,
      displayName: string,
      role: string,
      areaCode: string,
      organizationId: string | null = null,
    ): Person => {
      const id = uuid();
      userRows.push({ id, login, displayName, passwordHash, status: "active", createdAt: now, updatedAt: now });
      membershipRows.push({ id: uuid(), userId: id, role, areaCode, organizationId, createdAt: now });
      return { id, login };
    };
    const areaName = (code: string) => areaNames.get(code) ?? code;
    const managers = new Map<string, Person>();
    const manager = (code: string): Person => {
      let found = managers.get(code) ?? demoAccounts.get(demoManagers[code] ?? "");
      if (!found) {
        found =
          code.length === 12
            ? benchUser(`bench-staff-${code}`, `${areaName(code)}工作人员（压测）`, "community_staff", code)
            : benchUser(`bench-official-${code}`, `${areaName(code)}干部（压测）`, "official", code);
      }
      managers.set(code, found);
      return found;
    };
    const staffOf = new Map<string, Person>();
    const evaluators = [
      ...(demoAccounts.has("demo-evaluator") ? [demoAccounts.get("demo-evaluator") as Person] : []),
      ...Array.from({ length: spec.evaluators }, (_, index) =>
        benchUser(`bench-evaluator-${index + 1}`, `第三方评估专家${index + 1}（压测）`, "evaluator", "4101"),
      ),
    ];
    const people: People = {
      manager,
      official: (code) => manager(code.length === 12 ? code.slice(0, 9) : code),
      evaluators,
      orgStaff: (org) => {
        let found = staffOf.get(org.id);
        if (!found) {
          found = benchUser(`bench-org-${staffOf.size + 1}`, `${org.name}工作人员（压测）`, "org_staff", org.areaCode, org.id);
          staffOf.set(org.id, found);
        }
        return found;
      },
    };
    const world = {
      areaName,
      communities,
      streets,
      districts: prefix.length <= 6 ? [...new Set(streets.map((code) => code.slice(0, 6)))] : [],
      city: prefix === "4101" ? "4101" : null,
      orgs: orgRows.map((row): Org => ({ id: row.id as string, name: row.name, areaCode: row.areaCode, category: row.category as string })),
      people,
      ocidPrefix: config.ocidPrefix,
    };
    const rng = { random, between, pick, uuid };
    const { batch: projectBatch, links } = generateProjects(rng, asOf, world, spec.contracts);
    const meetingBatch = generateMeetings(
      rng,
      asOf,
      world,
      links,
      { referralsOf: (code) => referralSamples.get(code) ?? [], facilitiesOf: (code) => facilityIds.get(code) ?? [] },
      spec.meetings,
    );
    log(`projects and meetings generated in ${((Date.now() - worldStarted) / 1000).toFixed(1)} s`);
    const projectTables: Array<[string, PgTable, ReadonlyArray<Record<string, unknown>>]> = [
      ["users", users, userRows],
      ["memberships", memberships, membershipRows],
      ["calls", calls, projectBatch.calls],
      ["call_criteria", callCriteria, projectBatch.criteria],
      ["call_reviewers", callReviewers, projectBatch.reviewers],
      ["applications", applications, projectBatch.applications],
      ["review_declarations", reviewDeclarations, projectBatch.declarations],
      ["review_scores", reviewScores, projectBatch.scores],
      ["project_contracts", projectContracts, projectBatch.contracts],
      ["milestones", milestones, projectBatch.milestones],
      ["milestone_reports", milestoneReports, projectBatch.reports],
      ["funding_ledger", fundingLedger, projectBatch.ledger],
      ["project_evaluations", projectEvaluations, projectBatch.evaluations],
      ["audit_log (projects)", auditLog, projectBatch.audits],
    ];
    const meetingTables: Array<[string, PgTable, ReadonlyArray<Record<string, unknown>>]> = [
      ["meetings", meetings, meetingBatch.meetings],
      ["meeting_invitees", meetingInvitees, meetingBatch.invitees],
      ["meeting_agenda_items", meetingAgendaItems, meetingBatch.agenda],
      ["meeting_resolutions", meetingResolutions, meetingBatch.resolutions],
      ["action_items", actionItems, meetingBatch.actionItems],
      ["action_item_updates", actionItemUpdates, meetingBatch.updates],
      ["action_item_escalations", actionItemEscalations, meetingBatch.escalations],
      ["audit_log (meetings)", auditLog, meetingBatch.audits],
    ];
    for (const [label, tables] of [
      ["projects", projectTables],
      ["meetings", meetingTables],
    ] as const) {
      const tableStarted = Date.now();
      await withTx(ctx, async (tx) => {
        for (const [, table, tableRows] of tables) {
          await insertRows(tx.db, table, tableRows as Array<typeof table.$inferInsert>);
        }
        await tx.audit.record(`${label}.seed`, {
          entityType: label === "projects" ? "call" : "meeting",
          areaCode: spec.areaPrefix,
          detail: { seed: "bench", scale, ...Object.fromEntries(tables.map(([name, , tableRows]) => [name, tableRows.length])) },
        });
      });
      const total = tables.reduce((sum, [, , tableRows]) => sum + tableRows.length, 0);
      log(
        `${label}: ${tables.map(([name, , tableRows]) => `${name} ${tableRows.length.toLocaleString("en")}`).join(", ")} ` +
          `(${total.toLocaleString("en")} rows in ${((Date.now() - tableStarted) / 1000).toFixed(1)} s, ${rate(total, tableStarted)})`,
      );
    }

    await database.db.execute(sql`ANALYZE`);
    log("analyzed");
    // Seal the audit rows into the hash chain, as the platform's sealer would on its next runs.
    const sealStarted = Date.now();
    let sealed = 0;
    for (;;) {
      const count = await sealAuditLog(database.db, 5_000);
      sealed += count;
      if (count === 0) {
        break;
      }
      if (sealed % 100_000 < 5_000) {
        log(`  sealed ${sealed.toLocaleString("en")} audit rows (${rate(sealed, sealStarted)})`);
      }
    }
    log(
      `sealed ${sealed.toLocaleString("en")} audit rows in ${((Date.now() - sealStarted) / 1000).toFixed(1)} s (${rate(sealed, sealStarted)})`,
    );
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  await database.close();
}
