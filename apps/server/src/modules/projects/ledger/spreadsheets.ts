import { and, eq } from "drizzle-orm";
import { z } from "zod";
import {
  CalendarDateSchema,
  LedgerExportFilterSchema,
  ledgerPurposeLabels,
  ledgerSourceLabels,
  normalizeUscc,
  text,
  type LedgerEntry,
  type LedgerExportFilter,
  type LedgerPurpose,
  type RecordableLedgerSource,
} from "@sanshe/contracts";
import type { ActorCtx } from "../../../platform/ctx.js";
import { AppError, notFound } from "../../../platform/errors/app-error.js";
import { codeByLabel } from "../../../platform/files/cells.js";
import { exportColumns, exportPages, optionsOf, templateColumns, withColumnDetails } from "../../../platform/files/columns.js";
import type { ExportSpec, ImportSpec } from "../../../platform/module.js";
import { getAreaNames } from "../../jurisdictions/index.js";
import { organizationByUscc } from "../../social-orgs/index.js";
import { fundingLedger } from "../schema.js";
import { listLedger } from "./queries.js";
import { recordableCommunities, recordableOrganizations } from "./scope.js";
import { findByVoucher, insertLedgerRow, type LedgerHolder } from "./service.js";
import { yuan } from "../format.js";

const directionLabels = { in: "收入", out: "支出" } as const;
const directionByLabel = codeByLabel(directionLabels, { 收: "in", 支: "out", 入: "in", 出: "out" });
const recordableSourceLabels: Record<RecordableLedgerSource, string> = {
  gov_subsidy: ledgerSourceLabels.gov_subsidy,
  self_income: ledgerSourceLabels.self_income,
  donation: ledgerSourceLabels.donation,
  corporate: ledgerSourceLabels.corporate,
  resident: ledgerSourceLabels.resident,
  foundation: ledgerSourceLabels.foundation,
};
const sourceByLabel = codeByLabel(recordableSourceLabels, { 自收自支: "self_income", 补贴: "gov_subsidy", 捐赠: "donation" });
const purposeByLabel = codeByLabel(ledgerPurposeLabels, { 人员经费: "staff", 活动经费: "activity", 办公: "operations" });

/** 1,234.56 (元, two decimals at most) as integer fen, without floating point. */
function yuanToFen(value: string): number | null {
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(value.replace(/[,，\s]/g, ""));
  if (!match) {
    return null;
  }
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** One imported ledger row (cell texts), coerced: money in by source or out by purpose, keyed by its voucher number. */
export const ledgerRowSchema = z
  .object({
    holder: z
      .string()
      .transform((value) => normalizeUscc(value))
      .pipe(z.string().regex(/^(\d{12}|[0-9A-HJ-NPQRTUWXY]{18})$/, "INVALID_HOLDER")),
    direction: z
      .string()
      .trim()
      .transform((value, context) => {
        const code = directionByLabel.get(value);
        if (!code) {
          context.addIssue({ code: "custom", message: "INVALID_DIRECTION" });
          return z.NEVER;
        }
        return code;
      }),
    category: z.string().trim(),
    amount: z.string().transform((value, context) => {
      const fen = yuanToFen(value.trim());
      if (fen === null || fen < 1 || fen > 100_000_000_000) {
        context.addIssue({ code: "custom", message: "INVALID_AMOUNT" });
        return z.NEVER;
      }
      return fen;
    }),
    paid_on: z
      .string()
      .trim()
      .transform((value) =>
        value
          .replace(/[/.年月]/g, "-")
          .replace(/日$/, "")
          .replace(/-(\d)(?=-|$)/g, "-0$1"),
      )
      .pipe(CalendarDateSchema),
    description: text({ max: 500 }),
    reference: text({ max: 200 }).optional(),
    voucher_no: text({ max: 64 }),
  })
  .transform((row, context) => {
    const source = row.direction === "in" ? sourceByLabel.get(row.category) : undefined;
    const purpose = row.direction === "out" ? purposeByLabel.get(row.category) : undefined;
    if (!source && !purpose) {
      context.addIssue({
        code: "custom",
        message: row.direction === "in" ? "INVALID_SOURCE" : "INVALID_PURPOSE",
        path: ["category"],
      });
      return z.NEVER;
    }
    return { ...row, source: source ?? null, purpose: purpose ?? null };
  });
export type LedgerImportRow = z.infer<typeof ledgerRowSchema>;

const headers = {
  holder: ["社区代码/统一社会信用代码", "Community code / credit code"],
  direction: ["收支", "In/out"],
  category: ["来源/用途", "Source/purpose"],
  amount: ["金额(元)", "Amount (yuan)"],
  paid_on: ["日期", "Date"],
  description: ["摘要", "Description"],
  reference: ["关联事项", "Reference"],
  voucher_no: ["凭证号", "Voucher no."],
  holder_name: ["台账主体", "Holder"],
  area_code: ["区划代码", "Area code"],
} as const;

/** The holder an imported row names, if the importer records for it. @throws LEDGER_HOLDER_UNKNOWN, NOT_FOUND */
async function importHolder(ctx: ActorCtx, code: string): Promise<LedgerHolder> {
  if (/^\d{12}$/.test(code)) {
    if (!recordableCommunities(ctx).includes(code)) {
      throw notFound();
    }
    const name = (await getAreaNames(ctx, [code])).get(code);
    if (!name) {
      throw new AppError("LEDGER_HOLDER_UNKNOWN", { holder: code });
    }
    return { kind: "community", orgId: null, areaCode: code, name };
  }
  const organization = await organizationByUscc(ctx, code);
  if (!organization) {
    throw new AppError("LEDGER_HOLDER_UNKNOWN", { holder: code });
  }
  if (!recordableOrganizations(ctx).includes(organization.id)) {
    throw notFound();
  }
  return { kind: "organization", orgId: organization.id, areaCode: organization.areaCode, name: organization.name };
}

/**
 * Inserts or updates one imported ledger row by its holder and voucher number (凭证号), inside the
 * caller's transaction, audited. A row the system wrote is never overwritten (it has no voucher number).
 */
export async function upsertLedgerRow(ctx: ActorCtx, row: LedgerImportRow): Promise<"inserted" | "updated" | "unchanged"> {
  const holder = await importHolder(ctx, row.holder);
  const record = {
    direction: row.direction,
    source: row.source as RecordableLedgerSource | null,
    purpose: row.purpose as LedgerPurpose | null,
    amountFen: row.amount,
    paidOn: row.paid_on,
    description: row.description,
    reference: row.reference ?? null,
  };
  const current = await findByVoucher(ctx, holder, row.voucher_no);
  if (!current) {
    await insertLedgerRow(ctx, holder, { ...record, adminTaskId: null, contractId: null, voucherNo: row.voucher_no });
    return "inserted";
  }
  if (current.source === "gov_purchase" || current.source === "task_funding") {
    throw new AppError("LEDGER_ROW_LOCKED", { voucher_no: row.voucher_no });
  }
  if (
    current.direction === record.direction &&
    current.source === record.source &&
    current.purpose === record.purpose &&
    current.amountFen === record.amountFen &&
    current.paidOn === record.paidOn &&
    current.description === record.description &&
    current.reference === record.reference
  ) {
    return "unchanged";
  }
  await ctx.db
    .update(fundingLedger)
    .set(record)
    .where(and(eq(fundingLedger.id, current.id)));
  await ctx.audit.record("projects.ledger_import_update", {
    entityType: "funding_ledger",
    entityId: current.id,
    areaCode: current.areaCode,
    detail: {
      voucher_no: row.voucher_no,
      before: {
        direction: current.direction,
        source: current.source,
        purpose: current.purpose,
        amount_fen: current.amountFen,
        paid_on: current.paidOn,
      },
      after: {
        direction: record.direction,
        source: record.source,
        purpose: record.purpose,
        amount_fen: record.amountFen,
        paid_on: record.paidOn,
      },
    },
  });
  return "updated";
}

/** Ledger rows from a spreadsheet (natural key: holder + 凭证号); needs ledger.record for each row's holder. */
export const ledgerImport: ImportSpec<LedgerImportRow> = {
  kind: "funding-ledger",
  permission: "ledger.record",
  columns: withColumnDetails(
    templateColumns(headers, {
      holder: "410105007002",
      direction: "收入",
      category: "政府补贴",
      amount: "12000.00",
      paid_on: "2025-03-01",
      description: "区民政局社区服务补贴",
      reference: "",
      voucher_no: "2025-0001",
    }),
    {
      direction: { options: optionsOf(directionLabels) },
      paid_on: { format: ["日期，如 2025-03-01", "Date, e.g. 2025-03-01"] },
      amount: { format: ["金额（元），最多两位小数", "Amount in yuan, at most two decimals"] },
    },
  ),
  rowSchema: ledgerRowSchema,
  naturalKey: (row) => `${row.holder}|${row.voucher_no}`,
  upsert: upsertLedgerRow,
};

/** The ledger list (the filters of the page) as a spreadsheet: labels, not codes; amounts in yuan. */
export const ledgerExport: ExportSpec<LedgerExportFilter, LedgerEntry> = {
  kind: "funding-ledger",
  permission: "projects.read",
  filterSchema: LedgerExportFilterSchema,
  columns: exportColumns<LedgerEntry, typeof headers>(headers, {
    paid_on: (item) => item.paid_on,
    holder_name: (item) => item.holder_name,
    holder: (item) => item.community_code ?? item.org_id,
    area_code: (item) => item.area_code,
    direction: (item) => directionLabels[item.direction],
    category: (item) => (item.source ? ledgerSourceLabels[item.source] : item.purpose ? ledgerPurposeLabels[item.purpose] : null),
    amount: (item) => yuan(item.amount_fen),
    description: (item) => item.description,
    reference: (item) => item.reference,
    voucher_no: (item) => item.voucher_no,
  }),
  page: exportPages(listLedger),
};
