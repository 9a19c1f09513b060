/**
 * `npm run bench:data -- --scale small|district [--seed N]`: loads a reproducible synthetic world
 * (issue 7, first slice) into the configured storage: migrations, the demo world, then residents in
 * households (valid ID numbers and phones, encrypted, blind-indexed and masked by the residents
 * module's own column helpers) and, at district scale, organizations, with multi-row INSERTs of
 * 1,000 rows, 10 INSERTs per transaction.
 *
 * small: ≈ 20,000 residents in the 12 communities of 南阳新村街道 (fits PGlite);
 * district: ≈ 100,000 residents across the communities of 金水区 and 2,000 organizations (PostgreSQL).
 */
import { parseArgs } from "node:util";
import { like, and, eq } from "drizzle-orm";
import { idNumberCheckCharacter, type RelationToHead, type ResidentGroup } from "@sanshe/contracts";
import { loadConfig } from "../apps/server/src/platform/config.js";
import { openDatabase } from "../apps/server/src/platform/db/client.js";
import { migrateDatabase } from "../apps/server/src/platform/db/migrate.js";
import { configurePii } from "../apps/server/src/platform/pii/index.js";
import { systemCtx } from "../apps/server/src/platform/system.js";
import { withTx } from "../apps/server/src/platform/ctx.js";
import { seedDemo } from "../apps/server/src/platform/seed.js";
import { modules } from "../apps/server/src/modules/registry.js";
import { areas } from "../apps/server/src/modules/jurisdictions/schema.js";
import { households, residents } from "../apps/server/src/modules/residents/schema.js";
import { idNumberColumns, phoneColumns } from "../apps/server/src/modules/residents/service.js";
import { findResidentByIdIndex, idNumberIndex } from "../apps/server/src/modules/residents/queries.js";
import { socialOrgs } from "../apps/server/src/modules/social-orgs/schema.js";

const say = (line: string) => void process.stdout.write(`${line}\n`);
const fail = (line: string) => void process.stderr.write(`${line}\n`);

const scales = {
  small: { residents: 20_000, orgs: 200, areaPrefix: "410105007" },
  district: { residents: 100_000, orgs: 2_000, areaPrefix: "410105" },
} as const;
type Scale = keyof typeof scales;

const { values } = parseArgs({ options: { scale: { type: "string", default: "small" }, seed: { type: "string", default: "7" } } });
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
const config = loadConfig(process.env);
if (scale !== "small" && !config.databaseUrl) {
  fail(`--scale ${scale} needs PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/sanshe_bench).`);
  process.exit(2);
}

/** mulberry32: the same world on every machine for the same seed. */
function prng(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(seed);
const pick = <T,>(items: readonly T[] | string): T => items[Math.floor(random() * items.length)] as T;
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
/** A v4-shaped UUID from the PRNG (reproducible ids). */
const uuid = () => {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = "89ab"[Math.floor(random() * 4)] as string;
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
};

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
  log(`storage: ${database.kind}; scale: ${scale}; seed: ${seed}`);
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
  log(`${communities.length} communities in ${streets.length} streets under ${spec.areaPrefix}`);

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
  const now = new Date();
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

  // The first generated person marks a loaded world (the generator is deterministic for a seed).
  const batch = 1_000;
  const perTx = 10;
  let residentCount = 0;
  let householdCount = 0;
  let communityIndex = 0;
  let firstIdChecked = false;
  const loadStarted = Date.now();
  while (residentCount < spec.residents) {
    const residentRows: ResidentRow[] = [];
    const householdRows: HouseholdRow[] = [];
    while (residentRows.length < batch * perTx && residentCount + residentRows.length < spec.residents) {
      const areaCode = communities[communityIndex % communities.length] as string;
      communityIndex += 1;
      const made = household(areaCode);
      if (made.household) {
        householdRows.push(made.household);
      }
      residentRows.push(...made.members);
    }
    if (!firstIdChecked) {
      firstIdChecked = true;
      const first = [...usedIds][0] as string;
      if (await findResidentByIdIndex(ctx, idNumberIndex(first))) {
        log(`this world (scale ${scale}, seed ${seed}) is already loaded; nothing to do`);
        break;
      }
    }
    await withTx(ctx, async (tx) => {
      for (let start = 0; start < householdRows.length; start += batch) {
        await tx.db.insert(households).values(householdRows.slice(start, start + batch));
      }
      for (let start = 0; start < residentRows.length; start += batch) {
        await tx.db.insert(residents).values(residentRows.slice(start, start + batch));
      }
      await tx.audit.record("residents.seed", {
        entityType: "resident",
        areaCode: spec.areaPrefix,
        detail: { seed: "bench", scale, residents: residentRows.length, households: householdRows.length },
      });
    });
    residentCount += residentRows.length;
    householdCount += householdRows.length;
    const rate = residentCount / ((Date.now() - loadStarted) / 1000);
    log(
      `residents ${residentCount.toLocaleString("en")}/${spec.residents.toLocaleString("en")} (${Math.round(rate)}/s), households ${householdCount}`,
    );
  }

  if (residentCount > 0) {
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
    const categories = ["charity", "culture_sports", "life_services", "rights", "comprehensive"] as const;
    const orgRows: Array<typeof socialOrgs.$inferInsert> = [];
    for (let index = 0; index < spec.orgs; index += 1) {
      const kind = pick<string>(kinds);
      const home = random() < 0.5 ? pick<string>(streets) : pick<string>(communities);
      orgRows.push({
        id: uuid(),
        areaCode: home,
        name: `演示${pick<string>(roads).slice(0, 2)}${kind}${index + 1}号`,
        registration: random() < 0.4 ? "registered" : "filed",
        category: kind === "养老服务中心" || kind === "助残服务社" ? "life_services" : pick(categories),
        isSocialWorkAgency: kind === "社会工作服务中心",
        description: `演示数据：${kind}，为辖区居民提供${pick(["居家养老", "养老助餐", "儿童托管", "助残康复", "法律援助", "文体活动", "心理疏导"])}等服务。`,
        staffCount: between(2, 60),
        createdAt: now,
        updatedAt: now,
      });
    }
    await withTx(ctx, async (tx) => {
      for (let start = 0; start < orgRows.length; start += batch) {
        await tx.db.insert(socialOrgs).values(orgRows.slice(start, start + batch));
      }
      await tx.audit.record("social_orgs.seed", {
        entityType: "social_org",
        areaCode: spec.areaPrefix,
        detail: { seed: "bench", scale, organizations: orgRows.length },
      });
    });
    log(`organizations ${orgRows.length}`);
    await database.db.execute("ANALYZE");
    log("analyzed");
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await database.close();
}
