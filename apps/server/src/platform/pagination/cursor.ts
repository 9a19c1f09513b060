import { z } from "zod";
import { AppError } from "../errors/app-error.js";

/**
 * Opaque keyset cursors. A cursor is the sort values of the last row of a page, JSON-encoded (or, for
 * a single text key, the text itself) and then base64url-encoded; decoding validates the fields with
 * the codec's zod schema. Two readings of a bad cursor exist, and each list keeps the one it had:
 * `decode` answers null (the list starts from its first page), `decodeOrThrow` throws
 * VALIDATION_FAILED on `querystring.cursor` (a 400 problem).
 */
export interface CursorCodec<Input, Output> {
  /** The opaque cursor for these sort values. */
  encode(value: Input): string;
  /** The validated sort values, or null when the cursor is missing, unreadable or of the wrong shape. */
  decode(cursor: string | undefined): Output | null;
  /**
   * The validated sort values. @throws AppError VALIDATION_FAILED (path `querystring.cursor`, code
   * `invalid_value`, with `message` as its text) when the cursor is unreadable or of the wrong shape.
   */
  decodeOrThrow(cursor: string, message: string): Output;
}

/** A row id inside a cursor: the 36 characters of a UUID. */
export const cursorId = z.string().regex(/^[0-9a-f-]{36}$/);

/** An instant (or date) inside a cursor: any text that Date.parse reads. */
export const cursorInstant = z.string().refine((value) => !Number.isNaN(Date.parse(value)));

/** The 400 problem of an unreadable cursor: VALIDATION_FAILED on `querystring.cursor`. */
export function invalidCursor(message: string): AppError {
  return new AppError("VALIDATION_FAILED", {}, { errors: [{ path: "querystring.cursor", code: "invalid_value", message }] });
}

function makeCodec<S extends z.ZodType>(
  schema: S,
  serialize: (value: z.input<S>) => string,
  deserialize: (text: string) => unknown,
): CursorCodec<z.input<S>, z.output<S>> {
  const decode = (cursor: string | undefined): z.output<S> | null => {
    if (!cursor) {
      return null;
    }
    let value: unknown;
    try {
      value = deserialize(Buffer.from(cursor, "base64url").toString());
    } catch {
      return null;
    }
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : null;
  };
  return {
    encode: (value) => Buffer.from(serialize(value)).toString("base64url"),
    decode,
    decodeOrThrow(cursor, message) {
      const value = decode(cursor);
      if (value === null) {
        throw invalidCursor(message);
      }
      return value;
    },
  };
}

/** A cursor holding JSON (usually a tuple of the sort values and the row id), validated by `schema`. */
export function cursorCodec<S extends z.ZodType>(schema: S): CursorCodec<z.input<S>, z.output<S>> {
  return makeCodec(
    schema,
    (value) => JSON.stringify(value),
    (text) => JSON.parse(text) as unknown,
  );
}

/** A cursor holding one text sort key as is (no JSON), validated by `schema`. */
export function textCursorCodec<S extends z.ZodType<string, string>>(schema: S): CursorCodec<z.input<S>, z.output<S>> {
  return makeCodec(
    schema,
    (value) => value,
    (text) => text,
  );
}
