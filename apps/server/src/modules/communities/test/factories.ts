import { randomBytes } from "node:crypto";
import type { FacilityType } from "@sanshe/contracts";
import type { Ctx } from "../../../platform/ctx.js";
import { facilities, grids } from "../schema.js";

/** Adds a facility to a community; returns its id. */
export async function buildFacility(
  ctx: Ctx,
  areaCode: string,
  type: FacilityType,
  overrides: { name?: string; areaM2?: number; bookable?: boolean } = {},
): Promise<{ id: string }> {
  const [row] = await ctx.db
    .insert(facilities)
    .values({
      areaCode,
      type,
      name: overrides.name ?? `测试设施 ${randomBytes(3).toString("hex")}`,
      areaM2: overrides.areaM2 ?? 50,
      bookable: overrides.bookable ?? false,
    })
    .returning({ id: facilities.id });
  if (!row) {
    throw new Error("facility not created");
  }
  return row;
}

/** Gives a community all six standard facilities except `except`. */
export async function buildStandardFacilities(ctx: Ctx, areaCode: string, except: FacilityType[] = []): Promise<void> {
  const types: FacilityType[] = ["activity_room", "reading_room", "meeting_room", "notice_board", "newspaper_board", "culture_station"];
  for (const type of types.filter((candidate) => !except.includes(candidate))) {
    await buildFacility(ctx, areaCode, type);
  }
}

/** Adds a grid to a community; returns its id. */
export async function buildGrid(
  ctx: Ctx,
  areaCode: string,
  overrides: { name?: string; workerName?: string } = {},
): Promise<{ id: string }> {
  const [row] = await ctx.db
    .insert(grids)
    .values({
      areaCode,
      name: overrides.name ?? `测试网格 ${randomBytes(3).toString("hex")}`,
      gridWorkerName: overrides.workerName ?? null,
    })
    .returning({ id: grids.id });
  if (!row) {
    throw new Error("grid not created");
  }
  return row;
}
