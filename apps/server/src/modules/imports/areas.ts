import { and, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ActorCtx } from "../../platform/ctx.js";
import { isInScope } from "../../platform/auth/permissions.js";
import type { Permission } from "@sanshe/contracts";
import { areas } from "../jurisdictions/index.js";

/** How an area cell resolved: a code, or why not with the candidates (名称路径 and code) to choose from. */
export type AreaResolution =
  { code: string } | { problem: "IMPORT_AREA_UNKNOWN" | "IMPORT_AREA_AMBIGUOUS" | "IMPORT_AREA_OUT_OF_SCOPE"; candidates: string[] };

/** Whether a cell already holds an area code (digits only) rather than a name. */
export function isAreaCode(cell: string): boolean {
  return /^\d+$/.test(cell.trim());
}

/** "金水区/丰产路街道/农科路社区", "丰产路街道-农科路社区" or "农科路社区" → its name segments, last = the area itself. */
function segmentsOf(cell: string): string[] {
  return cell
    .split(/[/／\\>＞|｜\s-]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * Resolves area names (a community name, or a "街道/社区" path) to codes within the importer's scope of
 * `permission`: exactly one match in scope is the code; several in scope are ambiguous; matches only
 * outside the scope are out of scope (both name the candidates); none is unknown. One query per call.
 */
export async function resolveAreaNames(
  ctx: ActorCtx,
  cells: readonly string[],
  options: { level: "community" | "any"; permission: Permission },
): Promise<Map<string, AreaResolution>> {
  const resolutions = new Map<string, AreaResolution>();
  const names = [...new Set(cells.map((cell) => segmentsOf(cell).at(-1)).filter((name): name is string => Boolean(name)))];
  if (names.length === 0) {
    return resolutions;
  }
  const parent = alias(areas, "parent_area");
  const grand = alias(areas, "grand_area");
  const rows = await ctx.db
    .select({ code: areas.code, name: areas.name, parentName: parent.name, grandName: grand.name })
    .from(areas)
    .leftJoin(parent, eq(parent.code, areas.parentCode))
    .leftJoin(grand, eq(grand.code, parent.parentCode))
    .where(and(inArray(areas.name, names), options.level === "community" ? eq(areas.level, "community") : undefined))
    .orderBy(areas.code)
    .limit(names.length * 50);
  const scope = ctx.actor.scope(options.permission);
  for (const cell of new Set(cells)) {
    const segments = segmentsOf(cell);
    const [name, parentName, grandName] = [segments.at(-1), segments.at(-2), segments.at(-3)];
    const matches = rows.filter(
      (row) =>
        row.name === name &&
        (parentName === undefined || row.parentName === parentName) &&
        (grandName === undefined || row.grandName === grandName),
    );
    const inScope = matches.filter((row) => isInScope(row.code, scope));
    const describe = (row: (typeof rows)[number]) =>
      `${[row.grandName, row.parentName, row.name].filter(Boolean).join("/")}（${row.code}）`;
    if (inScope.length === 1 && inScope[0]) {
      resolutions.set(cell, { code: inScope[0].code });
    } else if (inScope.length > 1) {
      resolutions.set(cell, { problem: "IMPORT_AREA_AMBIGUOUS", candidates: inScope.slice(0, 10).map(describe) });
    } else if (matches.length > 0) {
      resolutions.set(cell, { problem: "IMPORT_AREA_OUT_OF_SCOPE", candidates: matches.slice(0, 10).map(describe) });
    } else {
      resolutions.set(cell, { problem: "IMPORT_AREA_UNKNOWN", candidates: [] });
    }
  }
  return resolutions;
}
