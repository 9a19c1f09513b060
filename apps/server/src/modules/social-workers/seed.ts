import { eq, like } from "drizzle-orm";
import { withTx, type Ctx } from "../../platform/ctx.js";
import type { SeedOptions } from "../../platform/module.js";
import { users } from "../../platform/auth/index.js";
import { areaExists } from "../jurisdictions/index.js";
import { demoAgencyName, findOrganizationByName } from "../social-orgs/index.js";
import { socialWorkerCommunities, socialWorkers, socialWorkerTrainings } from "./schema.js";
import { seededRandom } from "../../platform/seed.js";

const surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"];
const givenNames = ["静", "丽", "敏", "伟", "磊", "芳", "娜", "洋", "婷", "雪", "晨", "浩", "琳", "欣然", "子涵", "雨桐", "思远", "佳怡"];
const topics = ["社区矫正社会工作实务", "老年社会工作", "儿童保护与个案管理", "社会工作伦理", "项目设计与评估", "心理危机干预"];
const providers = ["郑州市社会工作协会（演示）", "金水区民政局（演示）", "河南省社会工作者协会（演示）"];
/** 南阳新村街道's communities (011 does not exist). */
const communities = ["001", "002", "003", "004", "005", "006", "007", "008", "009", "010", "012", "013"].map((n) => `410105007${n}`);
const certificatePrefix = "DEMO-SW-";

/**
 * About 30 demo social workers of the demo agency serving 南阳新村街道's communities, with training
 * records this year (some below the requirement), a few supervisors, and the demo-worker account
 * linked to the one serving 丰乐社区. Idempotent: skipped when demo certificates exist.
 */
export async function seedSocialWorkers(ctx: Ctx, options: SeedOptions): Promise<void> {
  const agency = await findOrganizationByName(ctx, demoAgencyName);
  if (!agency || !(await areaExists(ctx, communities[0] as string))) {
    return;
  }
  const existing = await ctx.db
    .select({ id: socialWorkers.id })
    .from(socialWorkers)
    .where(like(socialWorkers.certificateNo, `${certificatePrefix}%`))
    .limit(1);
  if (existing.length > 0) {
    return;
  }
  const [demoWorker] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.login, "demo-worker"));
  const random = seededRandom(20_260_101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const year = Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(ctx.now()));
  const levels = ["staff", "assistant", "assistant", "social_worker", "social_worker"] as const;
  await withTx(ctx, async (tx) => {
    const supervisorIds: string[] = [];
    for (let index = 0; index < 30; index += 1) {
      const isSupervisor = index < 3;
      const home = index === 3 ? "410105007002" : (communities[index % communities.length] as string);
      const level = isSupervisor ? "senior" : pick(levels);
      const [row] = await tx.db
        .insert(socialWorkers)
        .values({
          name: `${pick(surnames)}${pick(givenNames)}`,
          gender: random() < 0.7 ? "female" : "male",
          level,
          certificateNo: level === "staff" ? null : `${certificatePrefix}${String(index + 1).padStart(3, "0")}`,
          certificateYear: level === "staff" ? null : 2010 + Math.floor(random() * 15),
          organizationId: agency.id,
          areaCode: home,
          supervisorId: isSupervisor ? null : (supervisorIds[index % supervisorIds.length] ?? null),
          status: index === 29 ? "left" : "active",
          userId: index === 3 ? (demoWorker?.id ?? null) : null,
        })
        .returning({ id: socialWorkers.id });
      if (!row) {
        continue;
      }
      if (isSupervisor) {
        supervisorIds.push(row.id);
      }
      const served = new Set([home, communities[(index + 5) % communities.length] as string]);
      await tx.db.insert(socialWorkerCommunities).values([...served].map((areaCode) => ({ workerId: row.id, areaCode })));
      const trainings = 1 + Math.floor(random() * 6);
      await tx.db.insert(socialWorkerTrainings).values(
        Array.from({ length: trainings }, (_, n) => ({
          workerId: row.id,
          date: `${year}-${String(1 + ((index + n * 2) % 10)).padStart(2, "0")}-${String(1 + Math.floor(random() * 27)).padStart(2, "0")}`,
          hours: String(4 + Math.floor(random() * 12) * 2),
          topic: pick(topics),
          provider: pick(providers),
        })),
      );
      await tx.audit.record("social_workers.create", {
        entityType: "social_worker",
        entityId: row.id,
        areaCode: home,
        detail: { seed: "demo", level },
      });
    }
  });
  options.log("social-workers: 30 demo social workers created");
}
