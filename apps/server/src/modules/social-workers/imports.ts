import { eq } from "drizzle-orm";
import { z } from "zod";
import { CertificateNoSchema, SocialWorkerListQuerySchema, text, type SocialWorker, type SocialWorkerListQuery } from "@sanshe/contracts";
import type { ActorCtx } from "../../platform/ctx.js";
import { AppError } from "../../platform/errors/app-error.js";
import { isInScope } from "../../platform/auth/permissions.js";
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

function fromLabel<T extends string>(labels: Record<T, string>, issue: string) {
  const byLabel = new Map<string, T>();
  for (const [key, label] of Object.entries(labels) as Array<[T, string]>) {
    byLabel.set(label, key);
    byLabel.set(key, key);
  }
  return z
    .string()
    .trim()
    .refine((value) => byLabel.has(value), { message: issue })
    .transform((value) => byLabel.get(value) as T);
}

/** One row of the social-workers spreadsheet, from cell texts (Chinese labels accepted for enums). */
export const socialWorkerRowSchema = z.object({
  name: text({ max: 64 }),
  gender: fromLabel(genderLabels, "INVALID_GENDER").optional(),
  level: fromLabel(levelLabels, "INVALID_LEVEL"),
  certificate_no: z.string({ error: "CERTIFICATE_NO_REQUIRED" }).trim().min(1, "CERTIFICATE_NO_REQUIRED").pipe(CertificateNoSchema),
  certificate_year: z.coerce.number().int().min(1990).max(2100).optional(),
  organization_name: text({ max: 200 }),
  community_codes: z
    .string()
    .transform((value) =>
      value
        .split(/[,，、\s]+/)
        .map((code) => code.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^\d{12}$/, "INVALID_AREA_CODE")).max(50))
    .optional(),
  status: fromLabel(statusLabels, "INVALID_STATUS").optional(),
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

export function socialWorkerImportSpec(): ImportSpec<SocialWorkerRow> {
  return {
    kind: "social-workers",
    columns: [
      { key: "name", header: "姓名", header_en: "Name", example: "张三" },
      { key: "gender", header: "性别", header_en: "Gender", example: "女" },
      { key: "level", header: "等级", header_en: "Level", example: "社会工作师" },
      { key: "certificate_no", header: "证书编号", header_en: "Certificate number", example: "S2024410100123" },
      { key: "certificate_year", header: "取证年份", header_en: "Certificate year", example: "2024" },
      { key: "organization_name", header: "所属机构", header_en: "Organization", example: "金水区丰乐社工服务中心（演示）" },
      { key: "community_codes", header: "服务社区代码", header_en: "Communities served (codes)", example: "410105007001,410105007002" },
      { key: "status", header: "状态", header_en: "Status", example: "在岗" },
    ],
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
    columns: [
      { key: "name", header: "姓名", header_en: "Name", value: (item) => item.name },
      { key: "gender", header: "性别", header_en: "Gender", value: (item) => (item.gender ? genderLabels[item.gender] : null) },
      { key: "level", header: "等级", header_en: "Level", value: (item) => levelLabels[item.level] },
      { key: "certificate_no", header: "证书编号", header_en: "Certificate number", value: (item) => item.certificate_no },
      { key: "certificate_year", header: "取证年份", header_en: "Certificate year", value: (item) => item.certificate_year },
      { key: "organization_name", header: "所属机构", header_en: "Organization", value: (item) => item.organization_name },
      {
        key: "community_codes",
        header: "服务社区代码",
        header_en: "Communities served (codes)",
        value: (item) => item.communities.map((community) => community.area_code).join(","),
      },
      { key: "status", header: "状态", header_en: "Status", value: (item) => statusLabels[item.status] },
      {
        key: "training_hours_this_year",
        header: "本年培训学时",
        header_en: "Training hours this year",
        value: (item) => item.training_hours_this_year,
      },
    ],
    page: (ctx, filter, cursor, limit) => listWorkers(ctx, { ...filter, cursor, limit }, options()),
  };
}
