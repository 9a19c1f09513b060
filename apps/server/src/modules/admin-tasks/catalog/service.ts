import { and, eq, ne, sql } from "drizzle-orm";
import type { CatalogItem, CatalogItemCreate, CatalogItemUpdate, CatalogList } from "@sanshe/contracts/admin-tasks";
import { withTx, type ActorCtx } from "../../../platform/ctx.js";
import { AppError, notFound, versionConflict } from "../../../platform/errors/app-error.js";
import { isInScope } from "../../../platform/auth/permissions.js";
import { areaExists } from "../../jurisdictions/index.js";
import { adminTaskCatalog, adminTasks } from "../schema.js";
import { getCatalogItem } from "./queries.js";

/**
 * Writes of the community work catalogue (社区工作事项清单). A catalogue is kept by a district or a city;
 * officials at those levels (admin_tasks.catalog) edit the items of the areas in their jurisdiction.
 */

function isUniqueViolation(error: unknown): boolean {
  let current = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current.code === "23505") {
      return true;
    }
    current = current.cause as typeof current;
  }
  return false;
}

/**
 * Checks that the actor keeps the catalogue of `areaCode`: a district or city code in their
 * admin_tasks.catalog scope, known to the division table.
 * @throws AppError CATALOG_AREA_LEVEL for a street or community code, NOT_FOUND outside the scope.
 */
async function assertKeeps(ctx: ActorCtx, areaCode: string): Promise<void> {
  if (areaCode.length !== 4 && areaCode.length !== 6) {
    throw new AppError("CATALOG_AREA_LEVEL");
  }
  if (!isInScope(areaCode, ctx.actor.scope("admin_tasks.catalog")) || !(await areaExists(ctx, areaCode))) {
    throw notFound();
  }
}

/** @throws AppError CATALOG_ITEM_EXISTS when another item of the area's list has the title. */
async function assertTitleFree(
  ctx: ActorCtx,
  key: { areaCode: string; list: CatalogList; title: string },
  exceptId?: string,
): Promise<void> {
  const [clash] = await ctx.db
    .select({ id: adminTaskCatalog.id })
    .from(adminTaskCatalog)
    .where(
      and(
        eq(adminTaskCatalog.areaCode, key.areaCode),
        eq(adminTaskCatalog.list, key.list),
        eq(adminTaskCatalog.title, key.title),
        exceptId ? ne(adminTaskCatalog.id, exceptId) : undefined,
      ),
    );
  if (clash) {
    throw new AppError("CATALOG_ITEM_EXISTS", { title: key.title });
  }
}

/** Runs a write; a unique violation that slipped past the check (a concurrent insert) is CATALOG_ITEM_EXISTS. */
async function uniquely<T>(title: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CATALOG_ITEM_EXISTS", { title });
    }
    throw error;
  }
}

/**
 * Adds an item to the catalogue of a district or city in the actor's jurisdiction.
 * @throws AppError CATALOG_AREA_LEVEL, NOT_FOUND (area outside the scope), CATALOG_ITEM_EXISTS.
 */
export async function createCatalogItem(ctx: ActorCtx, input: CatalogItemCreate): Promise<CatalogItem> {
  await assertKeeps(ctx, input.area_code);
  const id = await uniquely(input.title, () =>
    withTx(ctx, async (tx) => {
      await assertTitleFree(tx, { areaCode: input.area_code, list: input.list, title: input.title });
      const now = tx.now();
      const [row] = await tx.db
        .insert(adminTaskCatalog)
        .values({
          areaCode: input.area_code,
          list: input.list,
          title: input.title,
          legalBasis: input.legal_basis,
          departmentName: input.department_name,
          description: input.description,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: adminTaskCatalog.id });
      const itemId = (row as { id: string }).id;
      await tx.audit.record("admin_tasks.catalog.create", {
        entityType: "admin_task_catalog",
        entityId: itemId,
        areaCode: input.area_code,
        detail: { list: input.list, title: input.title },
      });
      return itemId;
    }),
  );
  return getCatalogItem(ctx, id);
}

/** The item, locked, if the actor keeps its area's catalogue. @throws AppError NOT_FOUND otherwise. */
async function keptForUpdate(ctx: ActorCtx, id: string) {
  const [row] = await ctx.db.select().from(adminTaskCatalog).where(eq(adminTaskCatalog.id, id)).for("update");
  if (!row || !isInScope(row.areaCode, ctx.actor.scope("admin_tasks.catalog"))) {
    throw notFound();
  }
  return row;
}

/** Edits an item. @throws AppError NOT_FOUND, VERSION_CONFLICT (stale version), CATALOG_ITEM_EXISTS. */
export async function updateCatalogItem(ctx: ActorCtx, id: string, input: CatalogItemUpdate): Promise<CatalogItem> {
  await uniquely(input.title ?? "", () =>
    withTx(ctx, async (tx) => {
      const row = await keptForUpdate(tx, id);
      if (row.version !== input.version) {
        throw versionConflict(await getCatalogItem(tx, id));
      }
      const list = input.list ?? row.list;
      const title = input.title ?? row.title;
      if (list !== row.list || title !== row.title) {
        await assertTitleFree(tx, { areaCode: row.areaCode, list, title }, id);
      }
      await tx.db
        .update(adminTaskCatalog)
        .set({
          list,
          title,
          ...(input.legal_basis !== undefined ? { legalBasis: input.legal_basis } : {}),
          ...(input.department_name !== undefined ? { departmentName: input.department_name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          version: row.version + 1,
          updatedAt: tx.now(),
        })
        .where(eq(adminTaskCatalog.id, id));
      await tx.audit.record("admin_tasks.catalog.update", {
        entityType: "admin_task_catalog",
        entityId: id,
        areaCode: row.areaCode,
        detail: { fields: Object.keys(input).filter((key) => key !== "version") },
      });
    }),
  );
  return getCatalogItem(ctx, id);
}

/** Removes an item no administrative task refers to. @throws AppError NOT_FOUND, CATALOG_ITEM_IN_USE. */
export async function removeCatalogItem(ctx: ActorCtx, id: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const row = await keptForUpdate(tx, id);
    const [uses] = await tx.db
      .select({ count: sql<number>`count(*)::int` })
      .from(adminTasks)
      .where(eq(adminTasks.catalogItemId, id));
    if ((uses?.count ?? 0) > 0) {
      throw new AppError("CATALOG_ITEM_IN_USE", { count: uses?.count ?? 0 });
    }
    await tx.db.delete(adminTaskCatalog).where(eq(adminTaskCatalog.id, id));
    await tx.audit.record("admin_tasks.catalog.remove", {
      entityType: "admin_task_catalog",
      entityId: id,
      areaCode: row.areaCode,
      detail: { list: row.list, title: row.title },
    });
  });
}

/** One catalogue row of a spreadsheet (import kind admin-task-catalog); `area_code` defaults to the importer's own catalogue. */
export type CatalogImportRow = {
  area_code?: string | undefined;
  list: CatalogList;
  title: string;
  legal_basis: string;
  department_name?: string | undefined;
  description?: string | undefined;
};

/**
 * Inserts or updates one imported item by its natural key (area, list, title), inside the import's
 * transaction. Without an area code the importer's own catalogue is meant (their one district or city).
 * @throws AppError CATALOG_AREA_LEVEL, NOT_FOUND (area outside the scope, or no single own area).
 */
export async function upsertCatalogItem(ctx: ActorCtx, row: CatalogImportRow): Promise<"inserted" | "updated" | "unchanged"> {
  const own = ctx.actor.scope("admin_tasks.catalog");
  const areaCode = row.area_code ?? (own.length === 1 ? own[0] : undefined);
  if (!areaCode) {
    throw notFound();
  }
  await assertKeeps(ctx, areaCode);
  const values = {
    legalBasis: row.legal_basis,
    departmentName: row.department_name ?? null,
    description: row.description ?? null,
  };
  const [existing] = await ctx.db
    .select()
    .from(adminTaskCatalog)
    .where(and(eq(adminTaskCatalog.areaCode, areaCode), eq(adminTaskCatalog.list, row.list), eq(adminTaskCatalog.title, row.title)))
    .for("update");
  const now = ctx.now();
  if (!existing) {
    const [inserted] = await ctx.db
      .insert(adminTaskCatalog)
      .values({ areaCode, list: row.list, title: row.title, ...values, createdAt: now, updatedAt: now })
      .returning({ id: adminTaskCatalog.id });
    await ctx.audit.record("admin_tasks.catalog.import", {
      entityType: "admin_task_catalog",
      ...(inserted ? { entityId: inserted.id } : {}),
      areaCode,
      detail: { list: row.list, title: row.title, outcome: "inserted" },
    });
    return "inserted";
  }
  if (
    existing.legalBasis === values.legalBasis &&
    existing.departmentName === values.departmentName &&
    existing.description === values.description
  ) {
    return "unchanged";
  }
  await ctx.db
    .update(adminTaskCatalog)
    .set({ ...values, version: existing.version + 1, updatedAt: now })
    .where(eq(adminTaskCatalog.id, existing.id));
  await ctx.audit.record("admin_tasks.catalog.import", {
    entityType: "admin_task_catalog",
    entityId: existing.id,
    areaCode,
    detail: { list: row.list, title: row.title, outcome: "updated" },
  });
  return "updated";
}
