import type { FastifyInstance } from "fastify";
import { AppError } from "../errors/app-error.js";
import { fieldMessages } from "../errors/catalog.js";

/** A UTF-16 code unit of a surrogate pair without its partner. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const nul = new RegExp(String.fromCharCode(0), "g");

/** Characters no text field may hold, with the field issue code each gets. */
const forbidden: Array<{ pattern: RegExp; code: "LONE_SURROGATE" | "NUL_CHARACTER" }> = [
  { pattern: loneSurrogate, code: "LONE_SURROGATE" },
  // PostgreSQL cannot store NUL in text: refused here, naming the field, not by the driver.
  { pattern: nul, code: "NUL_CHARACTER" },
];

function forbiddenIn(text: string): "LONE_SURROGATE" | "NUL_CHARACTER" | null {
  return forbidden.find(({ pattern }) => text.search(pattern) !== -1)?.code ?? null;
}

/** The path and code of the first key or string value holding a forbidden character, or null. */
export function findForbiddenCharacter(
  value: unknown,
  path: string[] = [],
): { path: string[]; code: "LONE_SURROGATE" | "NUL_CHARACTER" } | null {
  if (typeof value === "string") {
    const code = forbiddenIn(value);
    return code ? { path, code } : null;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = findForbiddenCharacter(value[index], [...path, String(index)]);
      if (found) {
        return found;
      }
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, entry] of Object.entries(value)) {
      const code = forbiddenIn(key);
      if (code) {
        return { path: [...path, key.replace(loneSurrogate, "\uFFFD").replace(nul, "\\0")], code };
      }
      const found = findForbiddenCharacter(entry, [...path, key]);
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
 * otherwise store a replacement character in place of what the client sent; nor NUL (NUL_CHARACTER),
 * which PostgreSQL refuses in text.
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
      const found = findForbiddenCharacter(value);
      if (found) {
        const message = fieldMessages[found.code]?.[request.locale] ?? found.code;
        done(
          new AppError("VALIDATION_FAILED", {}, { errors: [{ path: ["body", ...found.path].join("."), code: found.code, message }] }),
          undefined,
        );
        return;
      }
      done(null, value);
    });
  });
}
