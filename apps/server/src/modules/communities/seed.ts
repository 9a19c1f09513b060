import { and, asc, eq } from "drizzle-orm";
import { facilityTypeLabels, standardFacilityTypes, type CommunityKind, type FacilityType } from "@sanshe/contracts";
import { withTx, type Ctx } from "../../platform/ctx.js";
import { areas } from "../jurisdictions/index.js";
import { communityProfiles, facilities, grids } from "./schema.js";
import { seededRandom } from "../../platform/seed.js";
import { withinArea } from "../../platform/scope/index.js";

/** The demo street: 南阳新村街道 (金水区), 12 communities 410105007001…013 (011 does not exist). */
export const demoStreet = "410105007";

const kinds: CommunityKind[] = ["old", "old", "new", "transitional", "village_converted"];
const surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"];
const givenNames = ["建国", "秀英", "志强", "丽娟", "海燕", "伟", "芳", "军", "敏", "静", "磊", "红梅"];
const gridNames = ["第一网格", "第二网格", "第三网格", "第四网格"];
const extras: FacilityType[] = ["day_care", "workshop", "service_hall"];

/**
 * Demo profiles, facilities (names marked 演示) and grids for every community of 南阳新村街道; some
 * communities lack standard facilities. Idempotent: skipped when the street already has profiles.
 */
export async function seedCommunities(ctx: Ctx, options: { log: (line: string) => void }): Promise<void> {
  const [existing] = await ctx.db
    .select({ code: communityProfiles.areaCode })
    .from(communityProfiles)
    .where(withinArea(communityProfiles.areaCode, demoStreet))
    .limit(1);
  if (existing) {
    return;
  }
  const communities = await ctx.db
    .select({ code: areas.code })
    .from(areas)
    .where(and(eq(areas.parentCode, demoStreet), eq(areas.level, "community")))
    .orderBy(asc(areas.code));
  const random = seededRandom(20261127);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  let facilityCount = 0;
  await withTx(ctx, async (tx) => {
    for (const { code } of communities) {
      const households = 1200 + Math.floor(random() * 2800);
      await tx.db.insert(communityProfiles).values({
        areaCode: code,
        kind: pick(kinds),
        households,
        population: Math.round(households * (2.4 + random() * 0.6)),
        officeAreaM2: 300 + Math.floor(random() * 500),
      });
      const rows = [...standardFacilityTypes.filter(() => random() > 0.18), ...extras.filter(() => random() > 0.5)].map((type) => ({
        areaCode: code,
        type,
        name: `${facilityTypeLabels[type]}（演示）`,
        areaM2: type === "notice_board" || type === "newspaper_board" ? 6 + Math.floor(random() * 10) : 40 + Math.floor(random() * 260),
        openingHours:
          type === "notice_board" || type === "newspaper_board"
            ? "全天"
            : pick(["周一至周五 9:00-17:00", "每天 8:30-20:30", "周二至周日 9:00-18:00"]),
        bookable: type === "activity_room" || type === "meeting_room" ? random() > 0.3 : false,
      }));
      if (rows.length > 0) {
        await tx.db.insert(facilities).values(rows);
      }
      facilityCount += rows.length;
      const gridCount = 2 + Math.floor(random() * 3);
      await tx.db
        .insert(grids)
        .values(
          gridNames.slice(0, gridCount).map((name) => ({ areaCode: code, name, gridWorkerName: `${pick(surnames)}${pick(givenNames)}` })),
        );
    }
    await tx.audit.record("communities.seed", {
      entityType: "community_profile",
      areaCode: demoStreet,
      detail: { seed: "demo", communities: communities.length, facilities: facilityCount },
    });
  });
  options.log(`communities: ${communities.length} demo profiles, ${facilityCount} facilities in 南阳新村街道`);
}
