import { z } from "zod";
import {
  CommunityCodeSchema,
  IdNumberSchema,
  PhoneSchema,
  relationLabels,
  residentGroupLabels,
  ResidentListFilterSchema,
  text,
  type ResidentGroup,
  type ResidentListFilter,
  type ResidentListItem,
} from "@sanshe/contracts";
import { eq, sql } from "drizzle-orm";
import type { ActorCtx } from "../../platform/ctx.js";
import { codeByLabel, splitListCell } from "../../platform/files/cells.js";
import { exportColumns, exportPages, optionsOf, templateColumns, withColumnDetails } from "../../platform/files/columns.js";
import { AppError } from "../../platform/errors/app-error.js";
import type { ExportSpec, ImportSpec } from "../../platform/module.js";
import { households, residents } from "./schema.js";
import { canReadIn, canWriteIn } from "./policy.js";
import { findResidentByIdIndex, getResidentRow, idNumberIndex, listResidents, phoneIndex } from "./queries.js";
import { applyResidentUpdate, insertResident } from "./service.js";

// Common variants people type.
const groupByLabel = codeByLabel(residentGroupLabels, {
  低保: "low_income",
  低收入: "low_income",
  低保户: "low_income",
  残障人士: "disabled",
  退役军人: "veteran_family",
  未成年: "minor",
  失业: "unemployed",
  流动人员: "migrant",
});

const relationByLabel = codeByLabel(relationLabels, {
  本人: "head",
  妻: "spouse",
  夫: "spouse",
  妻子: "spouse",
  丈夫: "spouse",
  子: "child",
  女: "child",
  儿子: "child",
  女儿: "child",
  父亲: "parent",
  母亲: "parent",
  孙子: "grandchild",
  孙女: "grandchild",
});

/** One spreadsheet row of the resident registry (cell texts; empty cells absent). */
export const ResidentImportRowSchema = z.object({
  name: text({ max: 64 }),
  id_number: IdNumberSchema,
  phone: PhoneSchema.optional(),
  area_code: CommunityCodeSchema,
  address: text({ max: 200 }).optional(),
  groups: z
    .string()
    .optional()
    .transform((value, context) => {
      const labels = splitListCell(value ?? "", /[,，、;；\s]+/);
      const groups: ResidentGroup[] = [];
      for (const label of labels) {
        const group = groupByLabel.get(label);
        if (!group) {
          context.addIssue({ code: "custom", message: "UNKNOWN_GROUP" });
          return z.NEVER;
        }
        groups.push(group);
      }
      return [...new Set(groups)].sort();
    }),
  head_id_number: IdNumberSchema.optional(),
  relation_to_head: z
    .string()
    .optional()
    .transform((value, context) => {
      if (!value?.trim()) {
        return undefined;
      }
      const relation = relationByLabel.get(value.trim());
      if (!relation) {
        context.addIssue({ code: "custom", message: "UNKNOWN_RELATION" });
        return z.NEVER;
      }
      return relation;
    }),
});
export type ResidentImportRow = z.infer<typeof ResidentImportRowSchema>;

/** Creates a household headed by `headId` and links the head. */
async function newHouseholdFor(tx: ActorCtx, head: { id: string; areaCode: string; address: string | null }): Promise<string> {
  const id = crypto.randomUUID();
  await tx.db.insert(households).values({
    id,
    areaCode: head.areaCode,
    address: head.address ?? "",
    headResidentId: head.id,
    createdAt: tx.now(),
    updatedAt: tx.now(),
  });
  await tx.db
    .update(residents)
    .set({ householdId: id, relationToHead: "head", version: sql`${residents.version} + 1`, updatedAt: tx.now() })
    .where(eq(residents.id, head.id));
  await tx.audit.record("residents.household.create", { entityType: "household", entityId: id, areaCode: head.areaCode });
  return id;
}

/** Links a resident to the household of the row's head (户主身份证号); true when anything changed. */
async function linkHousehold(tx: ActorCtx, residentId: string, row: ResidentImportRow): Promise<boolean> {
  if (!row.head_id_number) {
    return false;
  }
  const current = await getResidentRow(tx, residentId, "residents.write", { forUpdate: true });
  if (row.head_id_number === row.id_number) {
    if (current.householdId && current.relationToHead === "head") {
      return false;
    }
    if (current.householdId) {
      await applyResidentUpdate(tx, current, { relation_to_head: "head" });
    } else {
      await newHouseholdFor(tx, current);
    }
    return true;
  }
  const head = await findResidentByIdIndex(tx, idNumberIndex(row.head_id_number));
  if (!head || head.areaCode !== current.areaCode) {
    throw new AppError("HOUSEHOLD_HEAD_UNKNOWN");
  }
  const headRow = await getResidentRow(tx, head.id, "residents.write", { forUpdate: true });
  const householdId = headRow.householdId ?? (await newHouseholdFor(tx, headRow));
  const relation = row.relation_to_head ?? "other";
  if (current.householdId === householdId && current.relationToHead === relation) {
    return false;
  }
  await applyResidentUpdate(tx, current, { household_id: householdId, relation_to_head: relation });
  return true;
}

/**
 * Inserts or updates one resident by ID number (the natural key), inside the caller's transaction.
 * A resident registered in another community, or outside the caller's write scope, is refused with
 * RESIDENT_EXISTS (moves go through the move endpoint).
 */
export async function upsertResident(tx: ActorCtx, row: ResidentImportRow): Promise<"inserted" | "updated" | "unchanged"> {
  const existing = await findResidentByIdIndex(tx, idNumberIndex(row.id_number));
  if (!existing) {
    const id = await insertResident(tx, {
      name: row.name,
      id_number: row.id_number,
      area_code: row.area_code,
      phone: row.phone ?? null,
      address: row.address ?? null,
      groups: row.groups,
    });
    await linkHousehold(tx, id, row);
    return "inserted";
  }
  if (existing.areaCode !== row.area_code || !canWriteIn(tx.actor, existing.areaCode)) {
    throw new AppError("RESIDENT_EXISTS", {}, canReadIn(tx.actor, existing.areaCode) ? { existing_id: existing.id } : {});
  }
  const current = await getResidentRow(tx, existing.id, "residents.write", { forUpdate: true });
  const data: Parameters<typeof applyResidentUpdate>[2] = {};
  if (current.name !== row.name) {
    data.name = row.name;
  }
  if ((current.phoneBidx ?? null) !== (row.phone ? phoneIndex(row.phone) : null)) {
    data.phone = row.phone ?? null;
  }
  if ((current.address ?? null) !== (row.address ?? null)) {
    data.address = row.address ?? null;
  }
  if ([...current.groups].sort().join(",") !== row.groups.join(",")) {
    data.groups = row.groups;
  }
  const fields = Object.keys(data);
  if (fields.length > 0) {
    await applyResidentUpdate(tx, current, data);
  }
  const linked = await linkHousehold(tx, existing.id, row);
  if (fields.length === 0 && !linked) {
    return "unchanged";
  }
  await tx.audit.record("residents.update", {
    entityType: "resident",
    entityId: existing.id,
    areaCode: existing.areaCode,
    detail: { fields: linked ? [...fields, "household_id"] : fields, via: "import" },
  });
  return "updated";
}

const headers = {
  name: ["姓名", "Name"],
  gender: ["性别", "Gender"],
  birth_date: ["出生日期", "Birth date"],
  id_number: ["身份证号", "ID number"],
  phone: ["手机号", "Phone"],
  area_code: ["社区代码", "Community code"],
  area_name: ["社区", "Community"],
  address: ["地址", "Address"],
  groups: ["人群类别", "Groups"],
  head_id_number: ["户主身份证号", "Head's ID number"],
  relation_to_head: ["与户主关系", "Relation to head"],
} as const;

export const residentImport: ImportSpec<ResidentImportRow> = {
  kind: "residents",
  columns: withColumnDetails(
    templateColumns(headers, {
      name: "张三",
      id_number: "410105199001011234",
      phone: "13800000005",
      area_code: "410105007002",
      address: "丰乐路 1 号院 2 号楼 1 单元 301 室",
      groups: "独居老人,残疾人",
      head_id_number: "410105199001011234",
      relation_to_head: "户主",
    }),
    {
      name: { sensitive: true },
      id_number: { sensitive: true, format: ["18 位居民身份证号", "18-character resident ID number"] },
      phone: { sensitive: true, format: ["11 位手机号或固定电话", "11-digit mobile or landline"] },
      area_code: { area: "community" },
      groups: { options: optionsOf(residentGroupLabels), multiple: true },
      head_id_number: {
        sensitive: true,
        format: ["户主的身份证号；本人是户主时填自己的", "ID number of the head of household; your own when you are the head"],
      },
      relation_to_head: { options: optionsOf(relationLabels) },
    },
  ),
  rowSchema: ResidentImportRowSchema,
  naturalKey: (row) => row.id_number,
  upsert: upsertResident,
};

const genderLabels = { male: "男", female: "女" } as const;

/** The export shows masked ID numbers and phones (the list's presenter masks them). */
const exportHeaders = {
  ...headers,
  id_number: ["身份证号", "ID number (masked)"],
  phone: ["手机号", "Phone (masked)"],
} as const;

export const residentExport: ExportSpec<ResidentListFilter, ResidentListItem> = {
  kind: "residents",
  permission: "residents.read",
  filterSchema: ResidentListFilterSchema,
  columns: exportColumns(exportHeaders, {
    name: (item) => item.name,
    gender: (item) => (item.gender ? genderLabels[item.gender] : null),
    birth_date: (item) => item.birth_date,
    id_number: (item) => item.id_number_masked,
    phone: (item) => item.phone_masked,
    area_code: (item) => item.area_code,
    area_name: (item) => item.area_name,
    address: (item) => item.address,
    groups: (item) => item.groups.map((group) => residentGroupLabels[group]).join(","),
    relation_to_head: (item) => (item.relation_to_head ? relationLabels[item.relation_to_head] : null),
  }),
  page: exportPages(listResidents),
};
