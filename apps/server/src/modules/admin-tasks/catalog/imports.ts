import { z } from "zod";
import { AreaCodeSchema, text } from "@sanshe/contracts";
import { CatalogListSchema, type CatalogList } from "@sanshe/contracts/admin-tasks";
import { codeByLabel } from "../../../platform/files/cells.js";
import { optionsOf, templateColumns, withColumnDetails } from "../../../platform/files/columns.js";
import type { ImportSpec } from "../../../platform/module.js";
import { upsertCatalogItem, type CatalogImportRow } from "./service.js";

/** The lists as a catalogue spreadsheet names them. */
export const catalogListLabels: Record<CatalogList, string> = { statutory: "依法履职", assisted: "协助", negative: "负面清单" };

const listByLabel = codeByLabel(catalogListLabels, {
  依法履职事项: "statutory",
  社区依法履职事项: "statutory",
  依法协助: "assisted",
  协助事项: "assisted",
  依法协助事项: "assisted",
  社区依法协助事项: "assisted",
  负面: "negative",
  负面清单事项: "negative",
  不应由社区承担: "negative",
});

const headers = {
  list: ["清单类别", "List"],
  title: ["事项名称", "Title"],
  legal_basis: ["法律依据", "Legal basis"],
  department_name: ["责任部门", "Responsible department"],
  description: ["说明", "Description"],
  area_code: ["区划代码", "Area code"],
} as const;

/** One spreadsheet row (cell texts) → an import row; the list by its Chinese label or code, the area optional. */
export const catalogRowSchema: z.ZodType<CatalogImportRow> = z
  .object({
    list: z.string().optional(),
    title: z.string().optional(),
    legal_basis: z.string().optional(),
    department_name: z.string().optional(),
    description: z.string().optional(),
    area_code: z.string().optional(),
  })
  .transform((row) => {
    const list = row.list?.normalize("NFKC").trim();
    const values: Record<string, unknown> = {
      ...row,
      list: list === undefined ? undefined : (listByLabel.get(list) ?? list),
      area_code: row.area_code?.trim(),
    };
    return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== ""));
  })
  .pipe(
    z.object({
      list: CatalogListSchema,
      title: text({ max: 200 }),
      legal_basis: text({ max: 500 }),
      department_name: text({ max: 80 }).optional(),
      description: text({ max: 2000 }).optional(),
      area_code: AreaCodeSchema.optional(),
    }),
  );

/**
 * Spreadsheet import of the community work catalogue (`npx sanshe import admin-task-catalog <file>`):
 * 清单类别 (依法履职 / 协助 / 负面清单), 事项名称, 法律依据, 责任部门, 说明, and optionally 区划代码 (default: the
 * importer's own district or city). Re-importing updates items by (area, list, title), never duplicates.
 */
export const catalogImport: ImportSpec<CatalogImportRow> = {
  kind: "admin-task-catalog",
  permission: "admin_tasks.catalog",
  columns: withColumnDetails(
    templateColumns(headers, {
      list: "依法履职",
      title: "社区矛盾纠纷调解",
      legal_basis: "《中华人民共和国人民调解法》第八条",
      department_name: "区司法局",
      description: "社区人民调解委员会调解居民间的民间纠纷",
      area_code: "410105",
    }),
    {
      list: { options: optionsOf(catalogListLabels) },
      area_code: { area: "any" },
    },
  ),
  rowSchema: catalogRowSchema,
  naturalKey: (row) => `${row.area_code ?? ""}|${row.list}|${row.title}`,
  upsert: (ctx, row) => upsertCatalogItem(ctx, row),
};
