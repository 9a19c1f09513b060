import { eq } from "drizzle-orm";
import { z } from "zod";
import { CertificateNoSchema, SocialWorkerListQuerySchema, text, type SocialWorker, type SocialWorkerListQuery } from "@sanshe/contracts";
import type { ActorCtx } from "../../platform/ctx.js";
import { AppError } from "../../platform/errors/app-error.js";
import { isInScope } from "../../platform/auth/permissions.js";
import { labelCell, splitListCell } from "../../platform/files/cells.js";
import { exportColumns, exportPages, optionsOf, templateColumns, withColumnDetails } from "../../platform/files/columns.js";
import type { ExportSpec, ImportSpec } from "../../platform/module.js";
import { findOrganizationByName } from "../social-orgs/index.js";
import { listWorkers, type WorkerOptions } from "./queries.js";
import { socialWorkers } from "./schema.js";
import { changeWorker, insertWorker, lockForEdit } from "./service.js";

export const levelLabels = {
  staff: "一般工作人员",
  assistant: "助理社会工作师",
  social_worker: "社会工作师",
  senior: "高级社会工作师",
} as const;
const genderLabels = { male: "男", female: "女" } as const;
const statusLabels = { active: "在岗", left: "离职" } as const;

/** One row of the social-workers spreadsheet, from cell texts (Chinese labels accepted for enums). */
export const socialWorkerRowSchema = z.object({
  name: text({ max: 64 }),
  gender: labelCell(genderLabels, "INVALID_GENDER").optional(),
  level: labelCell(levelLabels, "INVALID_LEVEL"),
  certificate_no: z.string({ error: "CERTIFICATE_NO_REQUIRED" }).trim().min(1, "CERTIFICATE_NO_REQUIRED").pipe(CertificateNoSchema),
  certificate_year: z.coerce.number().int().min(1990).max(2100).optional(),
  organization_name: text({ max: 200 }),
  community_codes: z
    .string()
    .transform((value) => splitListCell(value))
    .pipe(z.array(z.string().regex(/^\d{12}$/, "INVALID_AREA_CODE")).max(50))
    .optional(),
  status: labelCell(statusLabels, "INVALID_STATUS").optional(),
});
export type SocialWorkerRow = z.infer<typeof socialWorkerRowSchema>;

/**
 * Inserts or updates one imported social worker by certificate number, inside the caller's
 * transaction. The employer is resolved by exact name among organizations in the caller's scope; the
 * home area is the first served community, or the employer's area.
 */
export async function upsertImportedWorker(ctx: ActorCtx, row: SocialWorkerRow): Promise<"inserted" | "updated" | "unchanged"> {
  const organization = await findOrganizationByName(ctx, row.organization_name);
  const readable = ctx.actor.scope("social_workers.read");
  const ownOrganization = ctx.actor.memberships.some((grant) => grant.organizationId === organization?.id);
  if (!organization || !(isInScope(organization.area_code, readable) || ownOrganization)) {
    throw new AppError("ORGANIZATION_UNKNOWN");
  }
  const communities = row.community_codes ?? [];
  const [existing] = await ctx.db
    .select({ id: socialWorkers.id })
    .from(socialWorkers)
    .where(eq(socialWorkers.certificateNo, row.certificate_no));
  if (!existing) {
    const id = await insertWorker(ctx, {
      name: row.name,
      gender: row.gender ?? null,
      level: row.level,
      certificate_no: row.certificate_no,
      certificate_year: row.certificate_year ?? null,
      organization_id: organization.id,
      area_code: communities[0] ?? organization.area_code,
      community_codes: communities,
    });
    if (row.status === "left") {
      await changeWorker(ctx, await lockForEdit(ctx, id), { status: "left" });
    }
    return "inserted";
  }
  let locked;
  try {
    locked = await lockForEdit(ctx, existing.id);
  } catch (error) {
    // Registered outside the caller's scope: say it exists, without naming where.
    if (error instanceof AppError && error.code === "NOT_FOUND") {
      throw new AppError("SOCIAL_WORKER_EXISTS");
    }
    throw error;
  }
  const changed = await changeWorker(
    ctx,
    locked,
    {
      name: row.name,
      ...(row.gender ? { gender: row.gender } : {}),
      level: row.level,
      ...(row.certificate_year ? { certificate_year: row.certificate_year } : {}),
      organization_id: organization.id,
      ...(row.status ? { status: row.status } : {}),
    },
    row.community_codes ?? undefined,
  );
  return changed ? "updated" : "unchanged";
}

const headers = {
  name: ["姓名", "Name"],
  gender: ["性别", "Gender"],
  level: ["等级", "Level"],
  certificate_no: ["证书编号", "Certificate number"],
  certificate_year: ["取证年份", "Certificate year"],
  organization_name: ["所属机构", "Organization"],
  community_codes: ["服务社区代码", "Communities served (codes)"],
  status: ["状态", "Status"],
  training_hours_this_year: ["本年培训学时", "Training hours this year"],
} as const;

export function socialWorkerImportSpec(): ImportSpec<SocialWorkerRow> {
  return {
    kind: "social-workers",
    columns: withColumnDetails(
      templateColumns(headers, {
        name: "张三",
        gender: "女",
        level: "社会工作师",
        certificate_no: "S2024410100123",
        certificate_year: "2024",
        organization_name: "金水区丰乐社工服务中心（演示）",
        community_codes: "410105007001,410105007002",
        status: "在岗",
      }),
      {
        gender: { options: optionsOf(genderLabels) },
        level: { options: optionsOf(levelLabels) },
        status: { options: optionsOf(statusLabels) },
        community_codes: { format: ["12 位社区代码，可填多个，用逗号分隔", "12-digit community codes, several separated by commas"] },
      },
    ),
    rowSchema: socialWorkerRowSchema,
    naturalKey: (row) => row.certificate_no,
    upsert: upsertImportedWorker,
  };
}

export function socialWorkerExportSpec(options: () => WorkerOptions): ExportSpec<SocialWorkerListQuery, SocialWorker> {
  return {
    kind: "social-workers",
    permission: "social_workers.read",
    filterSchema: SocialWorkerListQuerySchema,
    columns: exportColumns(headers, {
      name: (item) => item.name,
      gender: (item) => (item.gender ? genderLabels[item.gender] : null),
      level: (item) => levelLabels[item.level],
      certificate_no: (item) => item.certificate_no,
      certificate_year: (item) => item.certificate_year,
      organization_name: (item) => item.organization_name,
      community_codes: (item) => item.communities.map((community) => community.area_code).join(","),
      status: (item) => statusLabels[item.status],
      training_hours_this_year: (item) => item.training_hours_this_year,
    }),
    page: exportPages((ctx, query) => listWorkers(ctx, query, options())),
  };
}
