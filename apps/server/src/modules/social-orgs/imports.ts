import { z } from "zod";
import {
  socialOrgRegistrationProblem,
  SocialOrgCreateSchema,
  SocialOrgFilterSchema,
  type SocialOrgCreate,
  type SocialOrgFilter,
  type SocialOrgListItem,
} from "@sanshe/contracts";
import type { ExportSpec, ImportSpec } from "../../platform/module.js";
import { listSocialOrgs } from "./queries.js";
import { upsertSocialOrg } from "./service.js";

export const registrationLabels = { registered: "登记", filed: "备案" } as const;
export const legalFormLabels = { association: "社会团体", private_non_enterprise: "民办非企业单位", foundation: "基金会" } as const;
export const categoryLabels = {
  charity: "公益慈善类",
  culture_sports: "文体类",
  life_services: "生活服务类",
  rights: "社区维权类",
  comprehensive: "综合类",
} as const;
export const statusLabels = { active: "正常", suspended: "暂停活动", deregistered: "已注销" } as const;

/** A cell that is a Chinese label (or the English value) of an enum; unknown text stays as is for the enum to refuse. */
function label<T extends string>(labels: Record<T, string>, aliases: Record<string, T> = {}) {
  const byLabel = new Map<string, T>(Object.entries(labels).map(([value, text]) => [text as string, value as T]));
  return (cell: string | undefined): string | undefined => {
    if (cell === undefined) {
      return undefined;
    }
    const value = cell.trim();
    return byLabel.get(value) ?? aliases[value] ?? value;
  };
}

const registration = label(registrationLabels, { 登记注册: "registered", 已登记: "registered", 已备案: "filed" });
const legalForm = label(legalFormLabels, { 民非: "private_non_enterprise", 社会服务机构: "private_non_enterprise" });
const category = label(categoryLabels, {
  公益慈善: "charity",
  文体: "culture_sports",
  生活服务: "life_services",
  社区维权: "rights",
  综合: "comprehensive",
});
const status = label(statusLabels, { 活跃: "active", 暂停: "suspended", 注销: "deregistered" });

function grade(cell: string | undefined): string | undefined {
  if (cell === undefined) {
    return undefined;
  }
  const value = cell.normalize("NFKC").trim().toUpperCase().replace(/级$/, "");
  if (/^A{1,5}$/.test(value)) {
    return `${value.length}A`;
  }
  return value;
}

function integer(cell: string | undefined): number | string | undefined {
  if (cell === undefined) {
    return undefined;
  }
  const value = cell.normalize("NFKC").trim();
  return /^\d+$/.test(value) ? Number(value) : value;
}

function dateCell(cell: string | undefined): string | undefined {
  if (cell === undefined) {
    return undefined;
  }
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(cell.normalize("NFKC").trim());
  return match ? `${match[1]}-${match[2]?.padStart(2, "0")}-${match[3]?.padStart(2, "0")}` : cell;
}

const cells = z.object({
  name: z.string().optional(),
  uscc: z.string().optional(),
  registration: z.string().optional(),
  legal_form: z.string().optional(),
  category: z.string().optional(),
  grade: z.string().optional(),
  grade_year: z.string().optional(),
  area_code: z.string().optional(),
  founded_on: z.string().optional(),
  staff_count: z.string().optional(),
  social_worker_count: z.string().optional(),
  status: z.string().optional(),
  description: z.string().optional(),
  contact_phone: z.string().optional(),
});

/** One spreadsheet row (cell texts) → a create body; Chinese labels for the enums, 3A or AAA grades. */
export const socialOrgRowSchema: z.ZodType<SocialOrgCreate> = cells
  .transform((row) => {
    const values: Record<string, unknown> = {
      name: row.name,
      uscc: row.uscc?.trim(),
      registration: registration(row.registration),
      legal_form: legalForm(row.legal_form),
      category: category(row.category),
      grade: grade(row.grade),
      grade_year: integer(row.grade_year),
      area_code: row.area_code?.trim(),
      founded_on: dateCell(row.founded_on),
      staff_count: integer(row.staff_count),
      social_worker_count: integer(row.social_worker_count),
      status: status(row.status),
      description: row.description,
      contact_phone: row.contact_phone,
    };
    return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== ""));
  })
  .pipe(SocialOrgCreateSchema)
  .superRefine((row, context) => {
    const problem = socialOrgRegistrationProblem(row);
    if (problem) {
      context.addIssue({ code: "custom", path: [problem.field], message: problem.code });
    }
  });

export const socialOrgImport: ImportSpec<SocialOrgCreate> = {
  kind: "social-orgs",
  columns: [
    { key: "name", header: "名称", header_en: "Name", example: "金水区颐养老年服务中心" },
    { key: "uscc", header: "统一社会信用代码", header_en: "Unified social credit code", example: "52410105MJ0000001P" },
    { key: "registration", header: "登记类型", header_en: "Registration", example: "登记" },
    { key: "legal_form", header: "组织形式", header_en: "Legal form", example: "民办非企业单位" },
    { key: "category", header: "类别", header_en: "Category", example: "生活服务类" },
    { key: "grade", header: "等级", header_en: "Grade", example: "3A" },
    { key: "grade_year", header: "评估年度", header_en: "Evaluation year", example: "2025" },
    { key: "area_code", header: "登记区划代码", header_en: "Home area code", example: "410105" },
    { key: "founded_on", header: "成立日期", header_en: "Founded on", example: "2018-05-20" },
    { key: "staff_count", header: "工作人员数", header_en: "Staff", example: "12" },
    { key: "social_worker_count", header: "社工人数", header_en: "Social workers", example: "5" },
    { key: "status", header: "状态", header_en: "Status", example: "正常" },
    { key: "description", header: "简介", header_en: "Description", example: "为社区老年人提供居家养老服务" },
    { key: "contact_phone", header: "联系电话", header_en: "Contact phone", example: "0371-12345678" },
  ],
  rowSchema: socialOrgRowSchema,
  naturalKey: (row) => row.uscc ?? `${row.name}@${row.area_code}`,
  upsert: (ctx, row) => upsertSocialOrg(ctx, row),
};

export const socialOrgExport: ExportSpec<SocialOrgFilter, SocialOrgListItem> = {
  kind: "social-orgs",
  permission: "social_orgs.read",
  filterSchema: SocialOrgFilterSchema,
  columns: [
    { key: "name", header: "名称", header_en: "Name", value: (item) => item.name },
    { key: "uscc", header: "统一社会信用代码", header_en: "Unified social credit code", value: (item) => item.uscc },
    { key: "registration", header: "登记类型", header_en: "Registration", value: (item) => registrationLabels[item.registration] },
    {
      key: "legal_form",
      header: "组织形式",
      header_en: "Legal form",
      value: (item) => (item.legal_form ? legalFormLabels[item.legal_form] : null),
    },
    { key: "category", header: "类别", header_en: "Category", value: (item) => categoryLabels[item.category] },
    { key: "grade", header: "等级", header_en: "Grade", value: (item) => item.grade },
    { key: "grade_year", header: "评估年度", header_en: "Evaluation year", value: (item) => item.grade_year },
    { key: "area_code", header: "登记区划代码", header_en: "Home area code", value: (item) => item.area_code },
    { key: "area_name", header: "登记区划", header_en: "Home area", value: (item) => item.area_name },
    { key: "founded_on", header: "成立日期", header_en: "Founded on", value: (item) => item.founded_on },
    { key: "staff_count", header: "工作人员数", header_en: "Staff", value: (item) => item.staff_count },
    { key: "social_worker_count", header: "社工人数", header_en: "Social workers", value: (item) => item.social_worker_count },
    {
      key: "is_social_work_agency",
      header: "社工机构",
      header_en: "Social-work agency",
      value: (item) => (item.is_social_work_agency ? "是" : "否"),
    },
    { key: "status", header: "状态", header_en: "Status", value: (item) => statusLabels[item.status] },
    { key: "description", header: "简介", header_en: "Description", value: (item) => item.description },
    { key: "contact_phone", header: "联系电话", header_en: "Contact phone", value: (item) => item.contact_phone },
  ],
  page: (ctx, filter, cursor, limit) => listSocialOrgs(ctx, { ...filter, cursor, limit }),
};
