import { z } from "zod";
import {
  socialOrgRegistrationProblem,
  SocialOrgCreateSchema,
  SocialOrgFilterSchema,
  type SocialOrgCreate,
  type SocialOrgFilter,
  type SocialOrgListItem,
} from "@sanshe/contracts";
import { codeByLabel } from "../../platform/files/cells.js";
import { exportColumns, exportPages, optionsOf, templateColumns, withColumnDetails } from "../../platform/files/columns.js";
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
  const byLabel = codeByLabel(labels, aliases);
  return (cell: string | undefined): string | undefined => {
    if (cell === undefined) {
      return undefined;
    }
    const value = cell.trim();
    return byLabel.get(value) ?? value;
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

const headers = {
  name: ["名称", "Name"],
  uscc: ["统一社会信用代码", "Unified social credit code"],
  registration: ["登记类型", "Registration"],
  legal_form: ["组织形式", "Legal form"],
  category: ["类别", "Category"],
  grade: ["等级", "Grade"],
  grade_year: ["评估年度", "Evaluation year"],
  area_code: ["登记区划代码", "Home area code"],
  area_name: ["登记区划", "Home area"],
  founded_on: ["成立日期", "Founded on"],
  staff_count: ["工作人员数", "Staff"],
  social_worker_count: ["社工人数", "Social workers"],
  is_social_work_agency: ["社工机构", "Social-work agency"],
  status: ["状态", "Status"],
  description: ["简介", "Description"],
  contact_phone: ["联系电话", "Contact phone"],
} as const;

export const socialOrgImport: ImportSpec<SocialOrgCreate> = {
  kind: "social-orgs",
  columns: withColumnDetails(
    templateColumns(headers, {
      name: "金水区颐养老年服务中心",
      uscc: "52410105MJ0000001P",
      registration: "登记",
      legal_form: "民办非企业单位",
      category: "生活服务类",
      grade: "3A",
      grade_year: "2025",
      area_code: "410105",
      founded_on: "2018-05-20",
      staff_count: "12",
      social_worker_count: "5",
      status: "正常",
      description: "为社区老年人提供居家养老服务",
      contact_phone: "0371-12345678",
    }),
    {
      registration: { options: optionsOf(registrationLabels) },
      legal_form: { options: optionsOf(legalFormLabels) },
      category: { options: optionsOf(categoryLabels) },
      status: { options: optionsOf(statusLabels) },
      area_code: { area: "any" },
      founded_on: { format: ["日期，如 2018-05-20", "Date, e.g. 2018-05-20"] },
    },
  ),
  rowSchema: socialOrgRowSchema,
  naturalKey: (row) => row.uscc ?? `${row.name}@${row.area_code}`,
  upsert: (ctx, row) => upsertSocialOrg(ctx, row),
};

export const socialOrgExport: ExportSpec<SocialOrgFilter, SocialOrgListItem> = {
  kind: "social-orgs",
  permission: "social_orgs.read",
  filterSchema: SocialOrgFilterSchema,
  columns: exportColumns(headers, {
    name: (item) => item.name,
    uscc: (item) => item.uscc,
    registration: (item) => registrationLabels[item.registration],
    legal_form: (item) => (item.legal_form ? legalFormLabels[item.legal_form] : null),
    category: (item) => categoryLabels[item.category],
    grade: (item) => item.grade,
    grade_year: (item) => item.grade_year,
    area_code: (item) => item.area_code,
    area_name: (item) => item.area_name,
    founded_on: (item) => item.founded_on,
    staff_count: (item) => item.staff_count,
    social_worker_count: (item) => item.social_worker_count,
    is_social_work_agency: (item) => (item.is_social_work_agency ? "是" : "否"),
    status: (item) => statusLabels[item.status],
    description: (item) => item.description,
    contact_phone: (item) => item.contact_phone,
  }),
  page: exportPages(listSocialOrgs),
};
