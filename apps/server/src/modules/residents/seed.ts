import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { idNumberCheckCharacter, type RelationToHead, type ResidentGroup } from "@sanshe/contracts";
import { users } from "../../platform/auth/index.js";
import { withTx, type Ctx } from "../../platform/ctx.js";
import { households, residentAccounts, residents } from "./schema.js";
import { idNumberColumns, phoneColumns } from "./service.js";
import { findResidentByIdIndex, idNumberIndex } from "./queries.js";
import { seededRandom } from "../../platform/seed.js";

/** The 12 communities of 南阳新村街道 (410105007; 011 is not used). */
export const demoCommunities = ["001", "002", "003", "004", "005", "006", "007", "008", "009", "010", "012", "013"].map(
  (suffix) => `410105007${suffix}`,
);

const surnames =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const givenMale = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林";
const givenFemale = "芳娜敏静丽艳娟霞秀英华慧巧美娅莉燕玲桂丹萍红玉兰琳雪梅颖";
const streets = ["丰乐路", "南阳路", "黄河路", "政七街", "政六街", "东风路", "南阳新村", "丰产路", "纬五路", "经三路", "红专路", "文化路"];

type Person = {
  name: string;
  gender: "male" | "female";
  birth: { year: number; month: number; day: number };
  relation: RelationToHead | null;
  groups: ResidentGroup[];
};

/** Generates about `target` residents across the demo communities (households of 2–4 and some elderly living alone). */
export function generateDemoResidents(target: number, seed = 20260101) {
  const random = seededRandom(seed);
  const pick = <T extends string>(items: readonly T[] | string): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const usedIds = new Set<string>();
  const usedPhones = new Set<string>();
  const idFor = (person: Person) => {
    for (;;) {
      const sequence = between(0, 499) * 2 + (person.gender === "male" ? 1 : 0);
      const { year, month, day } = person.birth;
      const first17 = `410105${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}${String(sequence).padStart(3, "0")}`;
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
  const person = (surname: string, gender: "male" | "female", year: number, relation: RelationToHead | null): Person => ({
    name:
      surname +
      pick(gender === "male" ? givenMale : givenFemale) +
      (random() < 0.6 ? pick(gender === "male" ? givenMale : givenFemale) : ""),
    gender,
    birth: { year: Math.min(year, 2025), month: between(1, 12), day: between(1, 28) },
    relation,
    groups: [],
  });

  const householdsOut: Array<{ id: string; areaCode: string; address: string; headId: string }> = [];
  const residentsOut: Array<
    Person & { id: string; areaCode: string; householdId: string | null; address: string; idNumber: string; phone: string | null }
  > = [];
  let index = 0;
  while (residentsOut.length < target) {
    const areaCode = demoCommunities[index % demoCommunities.length] as string;
    index += 1;
    const address = `${pick(streets)}${between(1, 199)}号院${between(1, 20)}号楼${between(1, 4)}单元${between(1, 18)}0${between(1, 4)}室`;
    if (random() < 0.08) {
      // An elderly person living alone (独居老人), no household registered.
      const alone = person(pick(surnames), random() < 0.6 ? "female" : "male", between(1932, 1955), null);
      alone.groups.push("elderly_alone");
      if (random() < 0.2) {
        alone.groups.push("disabled");
      }
      if (random() < 0.25) {
        alone.groups.push("low_income");
      }
      residentsOut.push({
        ...alone,
        id: crypto.randomUUID(),
        areaCode,
        householdId: null,
        address,
        idNumber: idFor(alone),
        phone: random() < 0.6 ? phone() : null,
      });
      continue;
    }
    const householdId = crypto.randomUUID();
    const size = between(2, 4);
    const surname = pick(surnames);
    const headGender = random() < 0.7 ? "male" : "female";
    const headYear = between(1950, 1995);
    const members: Person[] = [person(surname, headGender, headYear, "head")];
    members.push(person(pick(surnames), headGender === "male" ? "female" : "male", headYear + between(-3, 3), "spouse"));
    while (members.length < size) {
      if (headYear < 1965 && random() < 0.5) {
        members.push(person(surname, random() < 0.5 ? "male" : "female", headYear + between(45, 60), "grandchild"));
      } else if (headYear > 1980 && random() < 0.3) {
        members.push(person(surname, random() < 0.5 ? "male" : "female", headYear - between(22, 30), "parent"));
      } else {
        members.push(person(surname, random() < 0.5 ? "male" : "female", headYear + between(22, 34), "child"));
      }
    }
    const isLowIncome = random() < 0.06;
    const isVeteran = random() < 0.05;
    const isMigrant = random() < 0.12;
    let headId = "";
    for (const member of members) {
      const age = 2026 - member.birth.year;
      if (age < 18) {
        member.groups.push("minor");
      }
      if (isLowIncome) {
        member.groups.push("low_income");
      }
      if (isVeteran) {
        member.groups.push("veteran_family");
      }
      if (isMigrant) {
        member.groups.push("migrant");
      }
      if (age >= 18 && age < 60 && random() < 0.04) {
        member.groups.push("unemployed");
      }
      if (random() < 0.025) {
        member.groups.push("disabled");
      }
      member.groups.sort();
      const id = crypto.randomUUID();
      if (member.relation === "head") {
        headId = id;
      }
      residentsOut.push({
        ...member,
        id,
        areaCode,
        householdId,
        address,
        idNumber: idFor(member),
        phone: age >= 16 && random() < 0.85 ? phone() : null,
      });
    }
    householdsOut.push({ id: householdId, areaCode, address, headId });
  }
  return { households: householdsOut, residents: residentsOut };
}

/** The community of the demo resident account (demo-resident, 丰乐社区). */
export const demoResidentCommunity = "410105007002";

/**
 * Links demo-resident to a register resident of 丰乐社区 living alone (group elderly_alone, with a
 * phone), as community staff would, so the demo resident's own reports carry their record and the
 * street's elderly_alone routing rule applies. Idempotent; nothing when the account is missing.
 */
export async function linkDemoResidentAccount(ctx: Ctx): Promise<void> {
  const [account] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.login, "demo-resident"));
  if (!account) {
    return;
  }
  const [linked] = await ctx.db
    .select({ id: residentAccounts.userId })
    .from(residentAccounts)
    .where(eq(residentAccounts.userId, account.id));
  if (linked) {
    return;
  }
  const [resident] = await ctx.db
    .select({ id: residents.id })
    .from(residents)
    .leftJoin(residentAccounts, eq(residentAccounts.residentId, residents.id))
    .where(
      and(
        eq(residents.areaCode, demoResidentCommunity),
        sql`${residents.groups} @> ARRAY['elderly_alone']::text[]`,
        isNotNull(residents.phoneBidx),
        isNull(residentAccounts.userId),
      ),
    )
    .orderBy(asc(residents.name), asc(residents.id))
    .limit(1);
  if (!resident) {
    return;
  }
  await withTx(ctx, async (tx) => {
    await tx.db.insert(residentAccounts).values({ userId: account.id, residentId: resident.id, method: "staff", linkedAt: tx.now() });
    await tx.audit.record("residents.account.link", {
      entityType: "resident",
      entityId: resident.id,
      areaCode: demoResidentCommunity,
      detail: { user_id: account.id, method: "staff", seed: "demo" },
    });
  });
}

/** Demo residents and households of 南阳新村街道 (generated people; idempotent), and demo-resident's link. */
export async function seedResidents(ctx: Ctx): Promise<void> {
  await seedRegister(ctx);
  await linkDemoResidentAccount(ctx);
}

async function seedRegister(ctx: Ctx): Promise<void> {
  const world = generateDemoResidents(2000);
  const marker = world.residents[0];
  // The first generated person marks a seeded world (the generator is deterministic).
  if (!marker || (await findResidentByIdIndex(ctx, idNumberIndex(marker.idNumber)))) {
    return;
  }
  const now = ctx.now();
  await withTx(ctx, async (tx) => {
    for (let start = 0; start < world.households.length; start += 500) {
      await tx.db.insert(households).values(
        world.households.slice(start, start + 500).map((household) => ({
          id: household.id,
          areaCode: household.areaCode,
          address: household.address,
          headResidentId: household.headId,
          createdAt: now,
          updatedAt: now,
        })),
      );
    }
    for (let start = 0; start < world.residents.length; start += 250) {
      await tx.db.insert(residents).values(
        world.residents.slice(start, start + 250).map((resident) => ({
          id: resident.id,
          areaCode: resident.areaCode,
          name: resident.name,
          ...idNumberColumns(resident.idNumber),
          ...phoneColumns(resident.phone),
          address: resident.address,
          householdId: resident.householdId,
          relationToHead: resident.relation,
          groups: resident.groups,
          legalBasis: "statutory_duty" as const,
          createdAt: now,
          updatedAt: now,
        })),
      );
    }
    await tx.audit.record("residents.seed", {
      entityType: "resident",
      areaCode: "410105007",
      detail: { seed: "demo", residents: world.residents.length, households: world.households.length },
    });
  });
}
