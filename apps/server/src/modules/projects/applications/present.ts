import type { Application, ApplicationAttachment } from "@sanshe/contracts";
import type { applicationAttachments, applications } from "../schema.js";

/** An application with what its presentation needs: the organization's name, the call's title, required and attached documents. */
export type ApplicationRow = {
  application: typeof applications.$inferSelect;
  orgName: string;
  callTitle: string;
  requiredDocuments: string[];
  attached: string[];
  reviewer: boolean;
};

export function presentApplication(row: ApplicationRow): Application {
  const a = row.application;
  const missing = row.requiredDocuments.filter((type) => !row.attached.includes(type));
  return {
    id: a.id,
    call_id: a.callId,
    call_title: row.callTitle,
    area_code: a.areaCode,
    org: { id: a.orgId, name: row.orgName },
    title: a.title,
    requested_fen: Number(a.requestedFen),
    status: a.status,
    submitted_at: a.submittedAt.toISOString(),
    withdrawn_at: a.withdrawnAt?.toISOString() ?? null,
    complete: missing.length === 0,
    missing_documents: missing,
    final_score: a.finalScore === null ? null : Number(a.finalScore),
    version: a.version,
  };
}

export const presentAttachment = (row: typeof applicationAttachments.$inferSelect): ApplicationAttachment => ({
  id: row.id,
  doc_type: row.docType,
  original_name: row.originalName,
  content_type: row.contentType,
  size_bytes: row.sizeBytes,
  created_at: row.createdAt.toISOString(),
});
