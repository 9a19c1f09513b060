import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../errors/app-error.js";
import { cursorCodec, cursorId, cursorInstant, textCursorCodec } from "./cursor.js";

const id = "0f8fad5b-d9cb-469f-a165-70867728950e";
const codec = cursorCodec(z.tuple([cursorInstant, cursorId]));
const raw = (text: string) => Buffer.from(text).toString("base64url");

describe("cursorCodec", () => {
  it("round-trips the sort values through an opaque base64url string", () => {
    const cursor = codec.encode(["2024-05-01T08:00:00.000Z", id]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).toBe(raw(JSON.stringify(["2024-05-01T08:00:00.000Z", id])));
    expect(codec.decode(cursor)).toEqual(["2024-05-01T08:00:00.000Z", id]);
    expect(codec.decodeOrThrow(cursor, "invalid cursor")).toEqual(["2024-05-01T08:00:00.000Z", id]);
  });

  it("reads a missing or empty cursor as the first page", () => {
    expect(codec.decode(undefined)).toBeNull();
    expect(codec.decode("")).toBeNull();
  });

  it("refuses bad base64, JSON of the wrong shape and tampered values", () => {
    expect(codec.decode("!!!not base64!!!")).toBeNull();
    expect(codec.decode(raw("{not json"))).toBeNull();
    expect(codec.decode(raw(JSON.stringify({ at: "2024-05-01", id })))).toBeNull();
    expect(codec.decode(raw(JSON.stringify(["2024-05-01", id, "extra"])))).toBeNull();
    expect(codec.decode(raw(JSON.stringify(["not a date", id])))).toBeNull();
    expect(codec.decode(raw(JSON.stringify(["2024-05-01", "' OR 1=1 --"])))).toBeNull();
    expect(codec.decode(raw(JSON.stringify([20240501, id])))).toBeNull();
  });

  it("throws VALIDATION_FAILED on querystring.cursor from decodeOrThrow", () => {
    let thrown: unknown;
    try {
      codec.decodeOrThrow(raw("[1]"), "invalid cursor");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe("VALIDATION_FAILED");
    expect((thrown as AppError).extra).toEqual({
      errors: [{ path: "querystring.cursor", code: "invalid_value", message: "invalid cursor" }],
    });
  });
});

describe("textCursorCodec", () => {
  const codes = textCursorCodec(z.string().regex(/^\d{1,12}$/));

  it("encodes the text itself, without JSON", () => {
    expect(codes.encode("410105")).toBe(raw("410105"));
    expect(codes.decode(raw("410105"))).toBe("410105");
  });

  it("refuses text that fails the schema", () => {
    expect(codes.decode(raw("41x"))).toBeNull();
    expect(codes.decode(raw(JSON.stringify("410105")))).toBeNull();
  });
});
