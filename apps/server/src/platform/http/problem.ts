import type { Locale, Problem } from "@sanshe/contracts";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../errors/app-error.js";
import { errorEntry, fieldMessages, localize, type ErrorCode } from "../errors/catalog.js";

type FieldProblem = { path: string; code: string; message: string };

/** Builds the RFC 9457 body for a code in the caller's language. */
export function problemFor(
  code: ErrorCode,
  locale: Locale,
  options: { params?: Record<string, string | number>; errors?: FieldProblem[]; extra?: Record<string, unknown>; requestId?: string } = {},
): Problem {
  const entry = errorEntry(code);
  const [title, detail] = entry[locale];
  return {
    type: `urn:sanshe:problem:${code.toLowerCase().replaceAll("_", "-")}`,
    title,
    status: entry.status,
    code,
    detail: localize(detail, options.params),
    ...(options.requestId ? { request_id: options.requestId } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
    ...options.extra,
  };
}

function fieldProblems(error: FastifyError, locale: Locale): FieldProblem[] {
  const context = error.validationContext ?? "body";
  return (error.validation ?? []).map((issue) => {
    const raw = issue.message ?? "";
    const isOwnCode = /^[A-Z][A-Z_]+$/.test(raw);
    let code = isOwnCode ? raw : issue.keyword;
    if (code === "invalid_type" && raw.includes("received undefined")) {
      code = "required";
    }
    const keys = (issue.params as { keys?: unknown }).keys;
    const segments = issue.instancePath.split("/").filter(Boolean);
    if (code === "unrecognized_keys" && Array.isArray(keys) && keys.length > 0) {
      segments.push(String(keys[0]));
    }
    const path = [context, ...segments].join(".");
    const message = fieldMessages[code]?.[locale] ?? fieldMessages.custom?.[locale] ?? code;
    return { path, code, message };
  });
}

const pgUnavailableCodes = new Set(["57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006"]);
const nodeNetworkCodes = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND"]);
const pgBadInputClasses = ["22"];

/**
 * The error that carries the code: Drizzle wraps driver errors in a DrizzleQueryError without a code
 * and with the PostgreSQL/PGlite error (SQLSTATE in `code`) as its `cause`.
 */
function driverError(error: unknown): FastifyError & { code?: string; message?: string } {
  let current = error as (FastifyError & { code?: string; message?: string; cause?: unknown }) | undefined;
  for (let depth = 0; depth < 5 && current && typeof current.code !== "string" && current.cause; depth += 1) {
    current = current.cause as typeof current;
  }
  return (current ?? error) as FastifyError & { code?: string; message?: string };
}

/** Maps any thrown value to a code; unknown faults become INTERNAL. */
export function classifyError(error: unknown): {
  code: ErrorCode;
  params?: Record<string, string | number>;
  extra?: Record<string, unknown>;
} {
  if (error instanceof AppError) {
    return { code: error.code, params: error.params, extra: error.extra };
  }
  const e = driverError(error);
  const code = typeof e?.code === "string" ? e.code : "";
  if (code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return { code: "PAYLOAD_TOO_LARGE" };
  }
  if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
    return { code: "UNSUPPORTED_MEDIA_TYPE" };
  }
  if (code === "23505") {
    return { code: "CONFLICT" };
  }
  if (code === "53100" || code === "ENOSPC" || /No space left on device/i.test(e?.message ?? "")) {
    return { code: "STORAGE_FULL" };
  }
  if (code === "57014") {
    return { code: "DATABASE_TIMEOUT" };
  }
  if (
    pgUnavailableCodes.has(code) ||
    nodeNetworkCodes.has(code) ||
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      e?.message ?? "",
    )
  ) {
    return { code: "DATABASE_UNAVAILABLE" };
  }
  if (code.length === 5 && pgBadInputClasses.includes(code.slice(0, 2))) {
    return { code: "VALIDATION_FAILED" };
  }
  if (e?.statusCode === 429) {
    return { code: "RATE_LIMITED" };
  }
  if (typeof e?.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    return { code: "MALFORMED_REQUEST" };
  }
  return { code: "INTERNAL" };
}

/** Fastify error handler: every error leaves as application/problem+json with a stable code. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = request.locale;
  let problem: Problem;
  if (hasZodFastifySchemaValidationErrors(error)) {
    problem = problemFor("VALIDATION_FAILED", locale, { errors: fieldProblems(error, locale), requestId: request.id });
  } else {
    const classified = classifyError(error);
    if (classified.code === "INTERNAL" || classified.code.startsWith("DATABASE_")) {
      request.log.error({ err: error }, "request failed");
    }
    problem = problemFor(classified.code, locale, { params: classified.params, extra: classified.extra, requestId: request.id });
  }
  if (problem.status === 503) {
    void reply.header("retry-after", "5");
  }
  return reply.status(problem.status).type("application/problem+json; charset=utf-8").send(problem);
}
