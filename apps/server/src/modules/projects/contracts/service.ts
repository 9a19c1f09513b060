import { and, eq } from "drizzle-orm";
import {
  SHARE_BP_TOTAL,
  type ContractAttachment,
  type ContractAttachmentContentType,
  type ContractCreate,
  type ContractDetail,
  type EvidenceCandidates,
} from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../../platform/ctx.js";
import { AppError, notFound } from "../../../platform/errors/app-error.js";
import { inScope } from "../../../platform/scope/index.js";
import { readUpload, storedFile } from "../../../platform/files/attachments.js";
import { organizationReferralsBetween } from "../../needs/index.js";
import { actorOrganizations, contractVisible, getVisibleContractRow, presentContractDetail, purchaserScope } from "./queries.js";
import { presentContractAttachment } from "./present.js";
import { milestoneAmounts } from "./rules.js";
import { applications, calls, contractAttachments, milestones, projectContracts } from "../schema.js";

/**
 * POST /applications/{id}/contract: the purchaser (calls.manage over the call's area) signs the
 * contract of an awarded application, once. The amount is at most the requested amount and the call's
 * cap; milestones fall inside the period and their shares sum to exactly 10000 basis points; their
 * amounts are computed in fen with the remainder on the last one. Contract, milestones and audit
 * commit together; the application row is locked so that two signatures cannot both pass the check.
 *
 * @throws NOT_FOUND outside the purchaser's scope; CONTRACT_APPLICATION_NOT_AWARDED; CONTRACT_EXISTS
 *   (409, existing_id); CONTRACT_AMOUNT_OVER_REQUEST; CONTRACT_AMOUNT_OVER_CAP; CONTRACT_SHARES_NOT_WHOLE;
 *   CONTRACT_MILESTONE_OUTSIDE_PERIOD.
 */
export async function createContract(ctx: ActorCtx, applicationId: string, input: ContractCreate): Promise<ContractDetail> {
  return withTx(ctx, async (tx) => {
    const [found] = await tx.db
      .select({ application: applications, capFen: calls.projectCapFen })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(and(eq(applications.id, applicationId), inScope(applications.areaCode, purchaserScope(tx))))
      .for("update", { of: applications });
    if (!found) {
      throw notFound();
    }
    const { application, capFen } = found;
    const [existing] = await tx.db
      .select({ id: projectContracts.id })
      .from(projectContracts)
      .where(eq(projectContracts.applicationId, application.id));
    if (existing) {
      throw new AppError("CONTRACT_EXISTS", {}, { existing_id: existing.id });
    }
    if (application.status !== "awarded") {
      throw new AppError("CONTRACT_APPLICATION_NOT_AWARDED");
    }
    if (input.amount_fen > application.requestedFen) {
      throw new AppError("CONTRACT_AMOUNT_OVER_REQUEST", { requested_fen: application.requestedFen });
    }
    if (input.amount_fen > capFen) {
      throw new AppError("CONTRACT_AMOUNT_OVER_CAP", { cap_fen: capFen });
    }
    const shares = input.milestones.map((m) => m.share_bp);
    const sum = shares.reduce((total, share) => total + share, 0);
    if (sum !== SHARE_BP_TOTAL) {
      throw new AppError("CONTRACT_SHARES_NOT_WHOLE", { sum_bp: sum });
    }
    const outside = input.milestones.findIndex((m) => m.due_on < input.period_start || m.due_on > input.period_end);
    if (outside >= 0) {
      throw new AppError("CONTRACT_MILESTONE_OUTSIDE_PERIOD", { position: outside + 1 });
    }
    const now = tx.now();
    const [contract] = await tx.db
      .insert(projectContracts)
      .values({
        areaCode: application.areaCode,
        callId: application.callId,
        applicationId: application.id,
        orgId: application.orgId,
        title: input.title ?? application.title,
        amountFen: input.amount_fen,
        periodStart: input.period_start,
        periodEnd: input.period_end,
        kpis: input.kpis ?? application.kpis,
        status: "active",
        signedAt: now,
        createdBy: tx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const row = contract as typeof projectContracts.$inferSelect;
    const amounts = milestoneAmounts(input.amount_fen, shares);
    await tx.db.insert(milestones).values(
      input.milestones.map((m, index) => ({
        areaCode: row.areaCode,
        contractId: row.id,
        position: index + 1,
        title: m.title,
        deliverables: m.deliverables,
        dueOn: m.due_on,
        shareBp: m.share_bp,
        amountFen: amounts[index] ?? 0,
        status: "pending" as const,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await tx.audit.record("projects.contract_create", {
      entityType: "project_contract",
      entityId: row.id,
      areaCode: row.areaCode,
      detail: { application: application.id, org: row.orgId, amount_fen: row.amountFen, milestones: amounts },
    });
    return presentContractDetail(tx, row);
  });
}

/** The file types a contract attachment accepts, decided from the bytes: PDF, JPEG, PNG, WebP. */
const contractFileTypes = [
  "application/pdf",
  "image/jpeg",
  "image/png",
  "image/webp",
] as const satisfies readonly ContractAttachmentContentType[];

/**
 * POST /contracts/{id}/attachments: the contracted organization uploads evidence (a PDF or an image,
 * 10 MB at most, the type decided from the bytes). @throws NOT_FOUND unless the actor acts for the
 * contract's organization; CONTRACT_ATTACHMENT_TYPE_REFUSED.
 */
export async function addContractAttachment(
  ctx: ActorCtx,
  contractId: string,
  body: unknown,
  name: string | undefined,
): Promise<ContractAttachment> {
  const upload = readUpload(body, contractFileTypes);
  return withTx(ctx, async (tx) => {
    const contract = await ownContract(tx, contractId);
    if (!upload) {
      throw new AppError("CONTRACT_ATTACHMENT_TYPE_REFUSED");
    }
    const [row] = await tx.db
      .insert(contractAttachments)
      .values({
        areaCode: contract.areaCode,
        contractId: contract.id,
        originalName: name ?? "attachment",
        ...storedFile(upload),
        createdBy: tx.actor.userId,
        createdAt: tx.now(),
      })
      .returning({
        id: contractAttachments.id,
        originalName: contractAttachments.originalName,
        contentType: contractAttachments.contentType,
        sizeBytes: contractAttachments.sizeBytes,
        createdAt: contractAttachments.createdAt,
      });
    const attachment = presentContractAttachment(row as NonNullable<typeof row>);
    await tx.audit.record("projects.contract_attachment_add", {
      entityType: "project_contract",
      entityId: contract.id,
      areaCode: contract.areaCode,
      detail: { attachment: attachment.id, content_type: upload.contentType, size_bytes: upload.sizeBytes, sha256: upload.sha256 },
    });
    return attachment;
  });
}

/** The bytes of a contract attachment, for whoever reads the contract. @throws NOT_FOUND otherwise. */
export async function getContractAttachment(
  ctx: ActorCtx,
  contractId: string,
  attachmentId: string,
): Promise<{ contentType: string; bytes: Buffer; sha256: string }> {
  const [row] = await ctx.db
    .select({ contentType: contractAttachments.contentType, bytes: contractAttachments.bytes, sha256: contractAttachments.sha256 })
    .from(contractAttachments)
    .innerJoin(projectContracts, eq(projectContracts.id, contractAttachments.contractId))
    .where(and(eq(contractAttachments.id, attachmentId), eq(contractAttachments.contractId, contractId), contractVisible(ctx)));
  if (!row) {
    throw notFound();
  }
  return row;
}

/** The contract if the actor acts for its organization (row not locked). @throws NOT_FOUND otherwise. */
export async function ownContract(ctx: ActorCtx, contractId: string): Promise<typeof projectContracts.$inferSelect> {
  const organizations = actorOrganizations(ctx);
  const row = await getVisibleContractRow(ctx, contractId);
  if (!organizations.includes(row.orgId)) {
    throw notFound();
  }
  return row;
}

/**
 * GET /contracts/{id}/evidence-candidates: referrals addressed to the contract's organization during
 * the contract period, with their service records, for the organization to pick as evidence.
 */
export async function listEvidenceCandidates(ctx: ActorCtx, contractId: string): Promise<EvidenceCandidates> {
  const contract = await ownContract(ctx, contractId);
  const rows = await organizationReferralsBetween(ctx, contract.orgId, contract.periodStart, contract.periodEnd);
  return {
    items: rows.map((row) => ({
      id: row.id,
      need_id: row.needId,
      category: row.category,
      status: row.status,
      created_at: row.createdAt.toISOString(),
      service_record_ids: row.serviceRecordIds,
    })),
  };
}
