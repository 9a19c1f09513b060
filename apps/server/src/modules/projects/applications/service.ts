import { and, eq, inArray } from "drizzle-orm";
import type { ApplicationAttachment, ApplicationCreate, ApplicationDetail } from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../../platform/ctx.js";
import { AppError, forbidden, notFound, versionConflict } from "../../../platform/errors/app-error.js";
import { readUpload, storedFile } from "../../../platform/files/attachments.js";
import { checkOrganizationEligibility } from "../../social-orgs/index.js";
import { applyingOrganizations, callVisible } from "../calls/access.js";
import { getApplication } from "./queries.js";
import { applicationAttachments, applications, calls } from "../schema.js";

type CallRow = typeof calls.$inferSelect;

/** The document types an application accepts, judged by the bytes: PDF, DOCX, XLSX (ZIP packages), JPEG, PNG. */
const documentTypes = [
  "application/pdf",
  "image/jpeg",
  "image/png",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
] as const satisfies readonly ApplicationAttachment["content_type"][];

/** The call the actor applies to, share-locked: published, open and before its deadline. */
async function openCallForApplicant(ctx: ActorCtx, callId: string): Promise<CallRow> {
  const [call] = await ctx.db
    .select()
    .from(calls)
    .where(and(eq(calls.id, callId), callVisible(ctx)))
    .for("share");
  if (!call) {
    throw notFound();
  }
  if (call.status !== "open") {
    throw new AppError("CALL_WRONG_STATUS", { status: call.status });
  }
  if (call.submissionDeadline <= ctx.now()) {
    throw new AppError("CALL_DEADLINE_PASSED");
  }
  return call;
}

/**
 * The call's eligibility rules checked in SQL against the registry: active (not suspended or
 * deregistered), grade at least the minimum, an accepted category, and — when local presence is
 * required — home or a service area in (or containing) a target area. @throws APPLICATION_NOT_ELIGIBLE.
 */
async function checkEligibility(ctx: ActorCtx, call: CallRow, orgId: string): Promise<void> {
  const row = await checkOrganizationEligibility(ctx, orgId, {
    minGrade: call.minOrgGrade,
    categories: call.eligibleOrgCategories,
    presentIn: call.requireLocalPresence ? call.targetAreaCodes : null,
  });
  if (!row) {
    throw notFound();
  }
  const failed = (["active", "grade", "category", "local"] as const).find((rule) => !row[rule]);
  if (failed) {
    const rule = { active: "status", grade: "min_grade", category: "category", local: "local_presence" }[failed];
    throw new AppError("APPLICATION_NOT_ELIGIBLE", { rule });
  }
}

function applyingOrg(ctx: ActorCtx, requested: string | undefined): string {
  const mine = applyingOrganizations(ctx);
  if (requested) {
    if (!mine.includes(requested)) {
      throw forbidden();
    }
    return requested;
  }
  if (mine.length !== 1) {
    throw new AppError("APPLICATION_ORG_REQUIRED");
  }
  return mine[0] as string;
}

/**
 * POST /calls/{id}/applications: an eligible organization applies once per call before the deadline;
 * a withdrawn application is re-submitted with the new content. @throws APPLICATION_EXISTS (409).
 */
export async function applyToCall(ctx: ActorCtx, callId: string, input: ApplicationCreate): Promise<ApplicationDetail> {
  const orgId = applyingOrg(ctx, input.org_id);
  return withTx(ctx, async (tx) => {
    const call = await openCallForApplicant(tx, callId);
    await checkEligibility(tx, call, orgId);
    const total = input.budget_lines.reduce((sum, line) => sum + line.amount_fen, 0);
    if (total !== input.requested_fen || input.requested_fen > call.projectCapFen) {
      throw new AppError("APPLICATION_BUDGET", { cap: call.projectCapFen });
    }
    const now = tx.now();
    const content = {
      title: input.title,
      objectives: input.objectives,
      activities: input.activities,
      beneficiaries: input.beneficiaries,
      beneficiaryCount: input.beneficiary_count,
      kpis: input.kpis,
      budgetLines: input.budget_lines,
      requestedFen: input.requested_fen,
      status: "submitted" as const,
      submittedAt: now,
      withdrawnAt: null,
      updatedAt: now,
    };
    const [existing] = await tx.db
      .select()
      .from(applications)
      .where(and(eq(applications.callId, callId), eq(applications.orgId, orgId)))
      .for("update");
    let id: string;
    if (existing) {
      if (existing.status !== "withdrawn") {
        throw new AppError("APPLICATION_EXISTS", {}, { existing_id: existing.id });
      }
      await tx.db
        .update(applications)
        .set({ ...content, version: existing.version + 1 })
        .where(eq(applications.id, existing.id));
      id = existing.id;
    } else {
      const [row] = await tx.db
        .insert(applications)
        .values({ ...content, areaCode: call.areaCode, callId, orgId, createdBy: tx.actor.userId, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: applications.id });
      if (!row) {
        throw new AppError("APPLICATION_EXISTS");
      }
      id = row.id;
    }
    await tx.audit.record(existing ? "applications.resubmit" : "applications.submit", {
      entityType: "application",
      entityId: id,
      areaCode: call.areaCode,
      detail: { call: callId, org: orgId, requested_fen: input.requested_fen },
    });
    return getApplication(tx, id);
  });
}

/** The actor's own organization's application with its call, locked; before the deadline only. */
async function ownApplicationForUpdate(ctx: ActorCtx, id: string) {
  const mine = applyingOrganizations(ctx);
  if (mine.length === 0) {
    throw notFound();
  }
  const [row] = await ctx.db
    .select({ application: applications, deadline: calls.submissionDeadline, requiredDocuments: calls.requiredDocuments })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(and(eq(applications.id, id), inArray(applications.orgId, mine)))
    .for("update", { of: applications });
  if (!row) {
    throw notFound();
  }
  if (row.deadline <= ctx.now()) {
    throw new AppError("CALL_DEADLINE_PASSED");
  }
  return row;
}

/** POST /applications/{id}/withdraw: before the deadline; it may be re-submitted until then. */
export async function withdrawApplication(ctx: ActorCtx, id: string, version: number): Promise<ApplicationDetail> {
  return withTx(ctx, async (tx) => {
    const { application } = await ownApplicationForUpdate(tx, id);
    if (application.version !== version) {
      throw versionConflict({ id, version: application.version, status: application.status });
    }
    if (application.status !== "submitted") {
      throw new AppError("APPLICATION_WRONG_STATUS", { status: application.status });
    }
    await tx.db
      .update(applications)
      .set({ status: "withdrawn", withdrawnAt: tx.now(), version: application.version + 1, updatedAt: tx.now() })
      .where(eq(applications.id, id));
    await tx.audit.record("applications.withdraw", { entityType: "application", entityId: id, areaCode: application.areaCode });
    return getApplication(tx, id);
  });
}

/**
 * POST /applications/{id}/attachments: a document of the given type, its type judged by its bytes
 * (the header is not trusted), stored in the database; before the deadline, on a submitted application.
 */
export async function addAttachment(
  ctx: ActorCtx,
  id: string,
  query: { doc_type: string; name?: string | undefined },
  body: unknown,
): Promise<ApplicationAttachment> {
  const upload = readUpload(body, documentTypes);
  return withTx(ctx, async (tx) => {
    const { application } = await ownApplicationForUpdate(tx, id);
    if (application.status !== "submitted") {
      throw new AppError("APPLICATION_WRONG_STATUS", { status: application.status });
    }
    if (!upload) {
      throw new AppError("APPLICATION_ATTACHMENT_TYPE");
    }
    const [row] = await tx.db
      .insert(applicationAttachments)
      .values({
        areaCode: application.areaCode,
        applicationId: id,
        docType: query.doc_type,
        originalName: query.name ?? query.doc_type,
        ...storedFile(upload),
        createdBy: tx.actor.userId,
        createdAt: tx.now(),
      })
      .returning();
    const attachment = row as typeof applicationAttachments.$inferSelect;
    await tx.audit.record("applications.attachment_add", {
      entityType: "application",
      entityId: id,
      areaCode: application.areaCode,
      detail: {
        attachment: attachment.id,
        doc_type: query.doc_type,
        content_type: upload.contentType,
        size_bytes: upload.sizeBytes,
        sha256: upload.sha256,
      },
    });
    return {
      id: attachment.id,
      doc_type: attachment.docType,
      original_name: attachment.originalName,
      content_type: upload.contentType,
      size_bytes: attachment.sizeBytes,
      created_at: attachment.createdAt.toISOString(),
    };
  });
}
