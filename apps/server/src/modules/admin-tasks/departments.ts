import { and, asc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { OrganizationRef } from "@sanshe/contracts";
import type { Department, DepartmentCreate, DepartmentListQuery, DepartmentUpdate } from "@sanshe/contracts/admin-tasks";
import { withTx, type ActorCtx, type Ctx } from "../../platform/ctx.js";
import { AppError, notFound, versionConflict } from "../../platform/errors/app-error.js";
import { isInScope } from "../../platform/auth/permissions.js";
import { cursorCodec, cursorId } from "../../platform/pagination/cursor.js";
import { ancestorOf, inScope, overlapsArea } from "../../platform/scope/index.js";
import { areas } from "../jurisdictions/index.js";
import { departments } from "./schema.js";
import { escapeLike } from "../../platform/db/sql.js";

/**
 * Government departments (政府部门). A district's bureaus apply to put tasks on its communities; their
 * staff sign in with the department role (membership organization_id = the department's id).
 */

const nameCursor = cursorCodec(z.tuple([z.string(), cursorId]));

type DepartmentRow = typeof departments.$inferSelect;

function presentDepartment(row: DepartmentRow, areaName: string | null): Department {
  return {
    id: row.id,
    area_code: row.areaCode,
    area_name: areaName ?? row.areaCode,
    name: row.name,
    active: row.active,
    version: row.version,
  };
}

/** Departments by id (name and jurisdiction), for the users module's membership checks and names. */
export async function getDepartments(ctx: Ctx, ids: readonly string[]): Promise<Map<string, OrganizationRef>> {
  const unique = [...new Set(ids)].filter(Boolean);
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await ctx.db
    .select({ id: departments.id, name: departments.name, area_code: departments.areaCode })
    .from(departments)
    .where(inArray(departments.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Departments a reader sees: those whose jurisdiction lies in their scope, and those above it (a
 * street sees its district's and the city's bureaus). Everyone with admin_tasks.read.
 */
function visible(ctx: ActorCtx, permission: "admin_tasks.read" | "users.admin" = "admin_tasks.read"): SQL {
  const prefixes = ctx.actor.scope(permission);
  if (prefixes.length === 0) {
    return sql`false`;
  }
  return or(inScope(departments.areaCode, prefixes), ...prefixes.map((prefix) => ancestorOf(departments.areaCode, prefix))) as SQL;
}

/**
 * GET /departments/refs: the active departments an administrator may tie a department account to
 * (in or above their users.admin scope), by name; keyset on (name, id).
 */
export async function listDepartmentRefs(ctx: ActorCtx, query: { q?: string | undefined; cursor?: string | undefined; limit: number }) {
  const conditions: SQL[] = [visible(ctx, "users.admin"), eq(departments.active, true)];
  if (query.q) {
    conditions.push(ilike(departments.name, `%${escapeLike(query.q)}%`));
  }
  const after = nameCursor.decode(query.cursor);
  if (after) {
    conditions.push(sql`(${departments.name}, ${departments.id}) > (${after[0]}, ${after[1]}::uuid)`);
  }
  const rows = await ctx.db
    .select({ id: departments.id, name: departments.name, area_code: departments.areaCode })
    .from(departments)
    .where(and(...conditions))
    .orderBy(asc(departments.name), asc(departments.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page,
    next_cursor: rows.length > query.limit && last ? nameCursor.encode([last.name, last.id]) : null,
  };
}

/** Departments in or above the area (or the caller's whole view), by name. */
export async function listDepartments(ctx: ActorCtx, query: DepartmentListQuery) {
  const conditions: SQL[] = [visible(ctx)];
  if (query.area) {
    conditions.push(overlapsArea(departments.areaCode, query.area));
  }
  if (query.q) {
    conditions.push(ilike(departments.name, `%${escapeLike(query.q)}%`));
  }
  const after = nameCursor.decode(query.cursor);
  if (after) {
    conditions.push(sql`(${departments.name}, ${departments.id}) > (${after[0]}, ${after[1]}::uuid)`);
  }
  const rows = await ctx.db
    .select({ department: departments, areaName: areas.name })
    .from(departments)
    .leftJoin(areas, eq(areas.code, departments.areaCode))
    .where(and(...conditions))
    .orderBy(asc(departments.name), asc(departments.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => presentDepartment(row.department, row.areaName)),
    next_cursor: rows.length > query.limit && last ? nameCursor.encode([last.department.name, last.department.id]) : null,
  };
}

async function getDepartmentRow(ctx: Ctx, id: string): Promise<Department> {
  const [row] = await ctx.db
    .select({ department: departments, areaName: areas.name })
    .from(departments)
    .leftJoin(areas, eq(areas.code, departments.areaCode))
    .where(eq(departments.id, id));
  if (!row) {
    throw notFound();
  }
  return presentDepartment(row.department, row.areaName);
}

/**
 * Registers a department for a city, district or street in the caller's admin_tasks.catalog scope.
 * @throws NOT_FOUND out of scope, DEPARTMENT_AREA_INVALID, DEPARTMENT_NAME_TAKEN.
 */
export async function createDepartment(ctx: ActorCtx, input: DepartmentCreate): Promise<Department> {
  if (!isInScope(input.area_code, ctx.actor.scope("admin_tasks.catalog"))) {
    throw notFound();
  }
  const [area] = await ctx.db.select({ level: areas.level }).from(areas).where(eq(areas.code, input.area_code));
  if (!area || !["city", "district", "street"].includes(area.level)) {
    throw new AppError("DEPARTMENT_AREA_INVALID");
  }
  const id = await withTx(ctx, async (tx) => {
    const now = tx.now();
    const [row] = await tx.db
      .insert(departments)
      .values({ areaCode: input.area_code, name: input.name, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: [departments.areaCode, departments.name] })
      .returning({ id: departments.id });
    if (!row) {
      throw new AppError("DEPARTMENT_NAME_TAKEN", { name: input.name });
    }
    await tx.audit.record("departments.create", {
      entityType: "department",
      entityId: row.id,
      areaCode: input.area_code,
      detail: { name: input.name },
    });
    return row.id;
  });
  return getDepartmentRow(ctx, id);
}

/** Renames or (de)activates a department in the caller's catalog scope. @throws NOT_FOUND, VERSION_CONFLICT, DEPARTMENT_NAME_TAKEN. */
export async function updateDepartment(ctx: ActorCtx, id: string, input: DepartmentUpdate): Promise<Department> {
  await withTx(ctx, async (tx) => {
    const [row] = await tx.db
      .select()
      .from(departments)
      .where(and(eq(departments.id, id), inScope(departments.areaCode, tx.actor.scope("admin_tasks.catalog"))))
      .for("update");
    if (!row) {
      throw notFound();
    }
    if (row.version !== input.version) {
      throw versionConflict(await getDepartmentRow(tx, id));
    }
    if (input.name !== undefined && input.name !== row.name) {
      const [taken] = await tx.db
        .select({ id: departments.id })
        .from(departments)
        .where(and(eq(departments.areaCode, row.areaCode), eq(departments.name, input.name)));
      if (taken) {
        throw new AppError("DEPARTMENT_NAME_TAKEN", { name: input.name });
      }
    }
    await tx.db
      .update(departments)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        version: row.version + 1,
        updatedAt: tx.now(),
      })
      .where(eq(departments.id, id));
    await tx.audit.record("departments.update", {
      entityType: "department",
      entityId: id,
      areaCode: row.areaCode,
      detail: { fields: Object.keys(input).filter((key) => key !== "version"), active: input.active ?? row.active },
    });
  });
  return getDepartmentRow(ctx, id);
}
