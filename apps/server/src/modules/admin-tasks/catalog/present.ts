import type { CatalogItem } from "@sanshe/contracts/admin-tasks";
import type { adminTaskCatalog } from "../schema.js";

/** A catalogue row with its area's name, as the queries select it. */
export type CatalogRow = typeof adminTaskCatalog.$inferSelect & { areaName: string | null };

/** Row → contract shape (nothing personal in a catalogue). */
export function presentCatalogItem(row: CatalogRow): CatalogItem {
  return {
    id: row.id,
    area_code: row.areaCode,
    area_name: row.areaName ?? row.areaCode,
    list: row.list,
    title: row.title,
    legal_basis: row.legalBasis,
    department_name: row.departmentName,
    description: row.description,
    version: row.version,
    updated_at: row.updatedAt.toISOString(),
  };
}
