import { describe, expect, it } from "vitest";
import { getTableConfig, pgTable, uuid } from "drizzle-orm/pg-core";
import { attachmentColumns, readUpload, sha256Hex, sniffFileType } from "./attachments.js";

const pdf = Buffer.from("%PDF-1.7\n…");
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
const webp = Buffer.concat([Buffer.from("RIFF"), Buffer.from([0, 0, 0, 0]), Buffer.from("WEBPVP8 ")]);
const docx = Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.from("....word/document.xml....")]);
const xlsx = Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.from("....xl/workbook.xml....")]);
const images = ["image/jpeg", "image/png", "image/webp"] as const;

describe("sniffFileType", () => {
  it("recognises each type by its magic numbers", () => {
    const all = [
      "application/pdf",
      "image/jpeg",
      "image/png",
      "image/webp",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ] as const;
    expect([pdf, jpeg, png, webp, docx, xlsx].map((bytes) => sniffFileType(bytes, all))).toEqual([...all]);
  });

  it("refuses a known type that is not accepted, and unknown or truncated bytes", () => {
    expect(sniffFileType(pdf, images)).toBeNull();
    expect(sniffFileType(Buffer.from("GIF89a"), images)).toBeNull();
    expect(sniffFileType(Buffer.from([0xff, 0xd8]), images)).toBeNull();
    expect(sniffFileType(Buffer.from("PK\x03\x04 other zip", "latin1"), ["application/pdf"])).toBeNull();
    expect(sniffFileType(Buffer.alloc(0), images)).toBeNull();
  });
});

describe("readUpload", () => {
  it("keeps the bytes with their sniffed type, size and SHA-256", () => {
    expect(readUpload(png, images)).toEqual({ bytes: png, contentType: "image/png", sizeBytes: png.length, sha256: sha256Hex(png) });
    expect(sha256Hex(Buffer.from("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("answers null for a body that is not raw bytes or not of an accepted type", () => {
    expect(readUpload({ file: "x" }, images)).toBeNull();
    expect(readUpload(undefined, images)).toBeNull();
    expect(readUpload(pdf, images)).toBeNull();
  });
});

describe("attachmentColumns", () => {
  it("gives the shared columns in their order, with a creator that a table may require in place", () => {
    const table = pgTable("t_attachments", {
      id: uuid("id").primaryKey().defaultRandom(),
      ...attachmentColumns(images),
      createdBy: uuid("created_by").notNull(),
    });
    const columns = getTableConfig(table).columns.map((column) => [column.name, column.getSQLType(), column.notNull]);
    expect(columns).toEqual([
      ["id", "uuid", true],
      ["content_type", "text", true],
      ["size_bytes", "integer", true],
      ["sha256", "text", true],
      ["bytes", "bytea", true],
      ["created_by", "uuid", true],
      ["created_at", "timestamp with time zone", true],
    ]);
  });
});
