import { needEndpoints } from "@sanshe/contracts";
import type { NeedAttachment } from "@sanshe/contracts";
import { call, endpointHref } from "../../ui/api";

/** Where the browser loads a need's photo (same origin: the session cookie goes along). */
export function attachmentUrl(needId: string, attachmentId: string): string {
  return endpointHref(needEndpoints.photo, { params: { id: needId, attachmentId } });
}

/** Uploads one photo as the raw body; retry with the same key and the server answers with the first result. */
export function uploadAttachment(needId: string, photo: Blob, idempotencyKey: string): Promise<NeedAttachment> {
  return call(needEndpoints.attach, { params: { id: needId }, body: photo }, { idempotencyKey });
}
