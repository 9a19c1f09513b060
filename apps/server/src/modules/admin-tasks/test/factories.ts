import { randomBytes } from "node:crypto";
import type { Ctx } from "../../../platform/ctx.js";
import { departments } from "../schema.js";

/** A government department at `areaCode` with a unique name; returns its id. */
export async function buildDepartment(ctx: Ctx, areaCode: string, name = `测试局-${randomBytes(3).toString("hex")}`): Promise<string> {
  const [row] = await ctx.db.insert(departments).values({ areaCode, name }).returning({ id: departments.id });
  return (row as { id: string }).id;
}
