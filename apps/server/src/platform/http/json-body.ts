import type { FastifyInstance } from "fastify";
import { AppError } from "../errors/app-error.js";
import { fieldMessages } from "../errors/catalog.js";

/** A UTF-16 code unit of a surrogate pair without its partner. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The dotted path of the first key or string value holding a lone surrogate, or null. */
export function findLoneSurrogate(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === "string") {
    return loneSurrogate.test(value) ? path : null;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = findLoneSurrogate(value[index], [...path, String(index)]);
      if (found) {
        return found;
      }
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, entry] of Object.entries(value)) {
      if (loneSurrogate.test(key)) {
        return [...path, key.replace(loneSurrogate, "\uFFFD")];
      }
      const found = findLoneSurrogate(entry, [...path, key]);
      if (found) {
        return found;
      }
    }
  }
  return null;
}

/**
 * The one JSON body parser: the bytes must be well-formed UTF-8 (a malformed sequence is 400
 * BODY_ENCODING_INVALID instead of being stored as U+FFFD), then Fastify's own parser runs (with
 * __proto__ and constructor keys refused), then no string or key may hold a lone surrogate such as
 * the escape \uD800 (400 VALIDATION_FAILED naming the field, code LONE_SURROGATE): PostgreSQL would
 * otherwise store a replacement character in place of what the client sent.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body as Buffer);
    } catch {
      done(new AppError("BODY_ENCODING_INVALID"), undefined);
      return;
    }
    void parseJson(request, text, (error, value: unknown) => {
      if (error) {
        done(error, undefined);
        return;
      }
      const path = findLoneSurrogate(value);
      if (path) {
        const message = fieldMessages.LONE_SURROGATE?.[request.locale] ?? "LONE_SURROGATE";
        done(
          new AppError("VALIDATION_FAILED", {}, { errors: [{ path: ["body", ...path].join("."), code: "LONE_SURROGATE", message }] }),
          undefined,
        );
        return;
      }
      done(null, value);
    });
  });
}
