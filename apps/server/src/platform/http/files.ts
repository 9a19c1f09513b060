import type { FastifyReply } from "fastify";

/** A stored file on its way out: its bytes, declared type, name to save it under and content hash. */
export type OutgoingFile = { bytes: Buffer | Uint8Array; contentType: string; fileName?: string | null; sha256?: string | null };

export type SendFileOptions = {
  /** inline: shown in the browser (a photo); attachment (default): saved under the file's name. */
  disposition?: "inline" | "attachment";
  /** Stored files never change under their id, so private caching for an hour is safe unless the caller says no-store. */
  cache?: "private-hour" | "no-store";
};

/**
 * Answers with a stored file: its own type, never sniffed, the file name encoded per RFC 6266, the
 * content hash as ETag. Every download route answers through this, so the headers cannot drift.
 */
export function sendFile(reply: FastifyReply, file: OutgoingFile, options: SendFileOptions = {}): FastifyReply {
  const disposition = options.disposition ?? "attachment";
  reply
    .header("Content-Type", file.contentType)
    .header("X-Content-Type-Options", "nosniff")
    .header(
      "Content-Disposition",
      disposition === "attachment" && file.fileName ? `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}` : disposition,
    )
    .header("Cache-Control", options.cache === "no-store" ? "private, no-store" : "private, max-age=3600");
  if (file.sha256) {
    reply.header("ETag", `"${file.sha256}"`);
  }
  return reply.send(file.bytes);
}
