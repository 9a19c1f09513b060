import { and, eq, sql } from "drizzle-orm";
import type { LedgerAttachment, LedgerEntry, LedgerEntryCreate, LedgerPurpose, RecordableLedgerSource } from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../../platform/ctx.js";
import { AppError, notFound } from "../../../platform/errors/app-error.js";
import { readUpload, storedFile } from "../../../platform/files/attachments.js";
import { getOrganizations } from "../../social-orgs/index.js";
import { getAreaNames } from "../../jurisdictions/index.js";
import { fundingLedger, fundingLedgerAttachments, projectContracts } from "../schema.js";
import { presentEntry, type LedgerRow } from "./present.js";
import { getVisibleEntry } from "./queries.js";
import { ledgerRecordable, recordableCommunities, recordableOrganizations } from "./scope.js";

/** Whose ledger a row is recorded in: an organization (home area) or a community (its code). */
export type LedgerHolder =
  | { kind: "organization"; orgId: string; areaCode: string; name: string }
  | { kind: "community"; orgId: null; areaCode: string; name: string };

/** What a recorded row holds (the POST body or an imported spreadsheet row). */
export type LedgerRecord = {
  direction: "in" | "out";
  source: RecordableLedgerSource | null;
  purpose: LedgerPurpose | null;
  amountFen: number;
  paidOn: string;
  description: string;
  adminTaskId: string | null;
  contractId: string | null;
  reference: string | null;
  voucherNo: string | null;
};

/**
 * The holder the actor records for: the organization or community named, or the only one the actor
 * records for. @throws NOT_FOUND for a holder the actor does not record for; LEDGER_ORG_REQUIRED /
 * LEDGER_HOLDER_REQUIRED when several are possible and none was named.
 */
export async function resolveHolder(
  ctx: ActorCtx,
  named: { orgId?: string | undefined; communityCode?: string | undefined },
): Promise<LedgerHolder> {
  const organizations = recordableOrganizations(ctx);
  const communities = recordableCommunities(ctx);
  let orgId = named.orgId;
  let communityCode = named.communityCode;
  if (orgId === undefined && communityCode === undefined) {
    if (organizations.length + communities.length !== 1) {
      throw new AppError(communities.length === 0 ? "LEDGER_ORG_REQUIRED" : "LEDGER_HOLDER_REQUIRED");
    }
    orgId = organizations[0];
    communityCode = communities[0];
  }
  if (orgId !== undefined) {
    if (!organizations.includes(orgId)) {
      throw notFound();
    }
    const organization = (await getOrganizations(ctx, [orgId])).get(orgId);
    if (!organization) {
      throw notFound();
    }
    return { kind: "organization", orgId, areaCode: organization.area_code, name: organization.name };
  }
  if (communityCode === undefined || !communities.includes(communityCode)) {
    throw notFound();
  }
  const name = (await getAreaNames(ctx, [communityCode])).get(communityCode) ?? communityCode;
  return { kind: "community", orgId: null, areaCode: communityCode, name };
}

/** SQL: the holder's rows. */
export function holderRows(holder: LedgerHolder) {
  return holder.kind === "organization"
    ? eq(fundingLedger.orgId, holder.orgId)
    : and(eq(fundingLedger.holderKind, "community"), eq(fundingLedger.areaCode, holder.areaCode));
}

/** The holder's row with this voucher number, if any. */
export async function findByVoucher(ctx: ActorCtx, holder: LedgerHolder, voucherNo: string): Promise<LedgerRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(fundingLedger)
    .where(
      and(
        eq(fundingLedger.areaCode, holder.areaCode),
        eq(fundingLedger.holderKind, holder.kind),
        sql`coalesce(${fundingLedger.orgId}::text, '') = ${holder.orgId ?? ""}`,
        eq(fundingLedger.voucherNo, voucherNo),
      ),
    );
  return row;
}

/**
 * A linked contract must be the holder's: the organization's own contract, or one the community
 * purchased (signed in its area). @throws LEDGER_CONTRACT_MISMATCH
 */
async function checkContract(ctx: ActorCtx, holder: LedgerHolder, contractId: string | null): Promise<void> {
  if (contractId === null) {
    return;
  }
  const [contract] = await ctx.db
    .select({ orgId: projectContracts.orgId, areaCode: projectContracts.areaCode })
    .from(projectContracts)
    .where(eq(projectContracts.id, contractId));
  const matches = contract && (holder.kind === "organization" ? contract.orgId === holder.orgId : contract.areaCode === holder.areaCode);
  if (!matches) {
    throw new AppError("LEDGER_CONTRACT_MISMATCH");
  }
}

/**
 * Inserts one hand-recorded or imported row in the holder's ledger, inside the caller's transaction, and
 * audits it. @throws LEDGER_VOUCHER_EXISTS when the holder has the voucher number already;
 * LEDGER_CONTRACT_MISMATCH.
 */
export async function insertLedgerRow(tx: ActorCtx, holder: LedgerHolder, record: LedgerRecord): Promise<LedgerRow> {
  await checkContract(tx, holder, record.contractId);
  if (record.voucherNo !== null) {
    const existing = await findByVoucher(tx, holder, record.voucherNo);
    if (existing) {
      throw new AppError("LEDGER_VOUCHER_EXISTS", { voucher_no: record.voucherNo }, { existing_id: existing.id });
    }
  }
  const [row] = await tx.db
    .insert(fundingLedger)
    .values({
      areaCode: holder.areaCode,
      holderKind: holder.kind,
      orgId: holder.orgId,
      direction: record.direction,
      source: record.source,
      purpose: record.purpose,
      amountFen: record.amountFen,
      paidOn: record.paidOn,
      contractId: record.contractId,
      adminTaskId: record.adminTaskId,
      reference: record.reference,
      voucherNo: record.voucherNo,
      description: record.description,
      createdBy: tx.actor.userId,
      createdAt: tx.now(),
    })
    .returning();
  const entry = row as LedgerRow;
  await tx.audit.record("projects.ledger_record", {
    entityType: "funding_ledger",
    entityId: entry.id,
    areaCode: entry.areaCode,
    detail: {
      holder_kind: holder.kind,
      org: holder.orgId,
      direction: entry.direction,
      source: entry.source,
      purpose: entry.purpose,
      amount_fen: entry.amountFen,
      paid_on: entry.paidOn,
      voucher_no: entry.voucherNo,
    },
  });
  return entry;
}

/**
 * POST /funding-ledger: community staff record their community's money in (by a source other than the
 * system's) or out (by purpose); organizations' staff their organization's. A community's row carries
 * its code, an organization's its home area. @throws LEDGER_ORG_REQUIRED / LEDGER_HOLDER_REQUIRED when
 * the actor records for several holders and named none; NOT_FOUND for a holder the actor does not
 * record for; LEDGER_CONTRACT_MISMATCH; LEDGER_VOUCHER_EXISTS.
 */
export async function createLedgerEntry(ctx: ActorCtx, input: LedgerEntryCreate): Promise<LedgerEntry> {
  const holder = await resolveHolder(ctx, { orgId: input.org_id, communityCode: input.community_code });
  return withTx(ctx, async (tx) => {
    const row = await insertLedgerRow(tx, holder, {
      direction: input.direction,
      source: input.direction === "in" ? ((input.source ?? null) as RecordableLedgerSource | null) : null,
      purpose: input.direction === "out" ? (input.purpose ?? null) : null,
      amountFen: input.amount_fen,
      paidOn: input.paid_on,
      description: input.description,
      adminTaskId: input.admin_task_id ?? null,
      contractId: input.contract_id ?? null,
      reference: input.reference ?? null,
      voucherNo: input.voucher_no ?? null,
    });
    return presentEntry(row, holder.name);
  });
}

/** The file types a ledger attachment accepts, decided from the bytes. */
const ledgerFileTypes = ["application/pdf", "image/jpeg", "image/png", "image/webp"] as const;

/**
 * POST /funding-ledger/{id}/attachments: a receipt or an invoice for an entry of a holder the actor
 * records for. @throws NOT_FOUND for an entry the actor does not read; 403 FORBIDDEN for one it reads but
 * does not record (an organization's row in a community's area); LEDGER_ATTACHMENT_TYPE_REFUSED.
 */
export async function addEntryAttachment(
  ctx: ActorCtx,
  entryId: string,
  body: unknown,
  name: string | undefined,
): Promise<LedgerAttachment> {
  const upload = readUpload(body, ledgerFileTypes);
  return withTx(ctx, async (tx) => {
    const entry = await getVisibleEntry(tx, entryId);
    const [own] = await tx.db
      .select({ id: fundingLedger.id })
      .from(fundingLedger)
      .where(and(eq(fundingLedger.id, entry.id), ledgerRecordable(tx)));
    if (!own) {
      throw new AppError("FORBIDDEN");
    }
    if (!upload) {
      throw new AppError("LEDGER_ATTACHMENT_TYPE_REFUSED");
    }
    const [row] = await tx.db
      .insert(fundingLedgerAttachments)
      .values({
        areaCode: entry.areaCode,
        entryId: entry.id,
        originalName: name ?? "attachment",
        ...storedFile(upload),
        createdBy: tx.actor.userId,
        createdAt: tx.now(),
      })
      .returning();
    const attachment = row as NonNullable<typeof row>;
    await tx.audit.record("projects.ledger_attachment_add", {
      entityType: "funding_ledger",
      entityId: entry.id,
      areaCode: entry.areaCode,
      detail: { attachment: attachment.id, content_type: upload.contentType, size_bytes: upload.sizeBytes, sha256: upload.sha256 },
    });
    return {
      id: attachment.id,
      original_name: attachment.originalName,
      content_type: attachment.contentType,
      size_bytes: attachment.sizeBytes,
      created_at: attachment.createdAt.toISOString(),
    };
  });
}
