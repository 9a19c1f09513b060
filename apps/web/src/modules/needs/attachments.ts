import type { NeedAttachment } from "@sanshe/contracts";
import { API_BASE, apiRequest } from "../../ui/api";

/** Where the browser loads a need's photo (same origin: the session cookie goes along). */
export function attachmentUrl(needId: string, attachmentId: string): string {
  return `${API_BASE}/needs/${encodeURIComponent(needId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

/** Uploads one photo as the raw body; retry with the same key and the server answers with the first result. */
export function uploadAttachment(needId: string, photo: Blob, idempotencyKey: string): Promise<NeedAttachment> {
  return apiRequest<NeedAttachment>(`/needs/${encodeURIComponent(needId)}/attachments`, {
    method: "POST",
    body: photo,
    idempotencyKey,
  });
}
