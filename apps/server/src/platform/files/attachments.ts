import { createHash } from "node:crypto";
import { integer, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../db/columns.js";

/**
 * Uploaded files kept in the database (attachments of needs, announcements, applications, contracts).
 * The type of a file is decided from its bytes (magic numbers), never from the client's header or
 * name; the size limit is the route's `bodyLimit` (413 before the body is read); the bytes, their
 * size and their SHA-256 (served as the ETag by platform/http/files.ts sendFile) are stored in one row of an attachments table whose
 * shared columns come from `attachmentColumns`.
 */

const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Every file type an upload can be recognised as. */
export type FileType = "application/pdf" | "image/jpeg" | "image/png" | "image/webp" | typeof docx | typeof xlsx;

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type of `bytes` by their magic numbers, among every type known here, or null. */
function detectFileType(bytes: Buffer): FileType | null {
  if (bytes.length >= 5 && bytes.toString("latin1", 0, 5) === "%PDF-") {
    return "application/pdf";
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return "image/jpeg";
  }
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(pngSignature)) {
    return "image/png";
  }
  if (bytes.length >= 12 && bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP") {
    return "image/webp";
  }
  // Office Open XML files are ZIP packages; their part names are stored uncompressed in the headers.
  if (bytes.length >= 4 && bytes.toString("latin1", 0, 4) === "PK\x03\x04") {
    if (bytes.includes("word/document.xml", 0, "latin1")) {
      return docx;
    }
    if (bytes.includes("xl/workbook.xml", 0, "latin1")) {
      return xlsx;
    }
  }
  return null;
}

/** The type of `bytes` by their magic numbers if it is one of `accepted`, else null. */
export function sniffFileType<T extends FileType>(bytes: Buffer, accepted: readonly T[]): T | null {
  const type = detectFileType(bytes);
  return type !== null && (accepted as readonly FileType[]).includes(type) ? (type as T) : null;
}

/** The SHA-256 of `bytes`, lower-case hex (the stored `sha256` and the download's ETag). */
export function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** An upload whose type was recognised: what an attachments row stores. */
export interface Upload<T extends string> {
  bytes: Buffer;
  contentType: T;
  sizeBytes: number;
  sha256: string;
}

/**
 * The request body as an upload of one of the `accepted` types, or null when the body is not raw
 * bytes or the bytes are of another type (the module answers its own "type refused" code, after its
 * own 404 checks).
 */
export function readUpload<T extends FileType>(body: unknown, accepted: readonly T[]): Upload<T> | null {
  if (!Buffer.isBuffer(body)) {
    return null;
  }
  const contentType = sniffFileType(body, accepted);
  if (contentType === null) {
    return null;
  }
  return { bytes: body, contentType, sizeBytes: body.length, sha256: sha256Hex(body) };
}

/** The file columns of an attachments row for an upload (spread into `.values({...})`). */
export function storedFile<T extends string>(upload: Upload<T>): Upload<T> {
  return { contentType: upload.contentType, sizeBytes: upload.sizeBytes, sha256: upload.sha256, bytes: upload.bytes };
}

/**
 * The columns every attachments table shares, in their order: content_type (text, with the allowed
 * types as its enum), size_bytes, sha256, bytes (bytea), created_by (nullable; a table whose creator
 * is required overrides it in place) and created_at. Spread after the table's own id, area_code,
 * owner and name columns.
 */
export function attachmentColumns<const T extends readonly [string, ...string[]]>(contentTypes: T) {
  return {
    contentType: text("content_type", { enum: contentTypes as unknown as [T[number], ...T[number][]] }).notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    bytes: bytea("bytes").notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  };
}
