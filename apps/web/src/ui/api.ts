import { endpointPath, type EndpointDef, type EndpointInput, type EndpointResponse, type Locale, type Problem } from "@sanshe/contracts";
import i18next from "i18next";

/** Base path of the REST API; the server serves the console and the API from the same origin. */
const API_BASE = "/api/v1";

let acceptLanguage: Locale = "zh-CN";

/** Sets the language sent as Accept-Language, so problem titles and details come back localized. */
export function setApiLanguage(locale: Locale): void {
  acceptLanguage = locale;
}

/** An answer from the API that was not a success: carries the RFC 9457 problem details. */
export class ApiError extends Error {
  readonly problem: Problem;
  readonly status: number;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
    this.problem = problem;
    this.status = problem.status;
  }
}

/** True when `error` is an API problem with this stable code (e.g. VERSION_CONFLICT). */
export function isProblem(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.problem.code === code);
}

export type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  query?: Record<string, QueryValue>;
  /** JSON-serialized, except a Blob (a photo), which is sent as it is with its own Content-Type. */
  body?: unknown;
  /** Sent on every POST; pass the same key when the user repeats the same submission. */
  idempotencyKey?: string;
  signal?: AbortSignal;
};

/** Builds `?a=1&b=2`, leaving out empty values so the server applies its defaults. */
export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) {
    return "";
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") {
      continue;
    }
    params.set(key, String(value));
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

function isProblemBody(value: unknown): value is Problem {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return typeof record["code"] === "string" && typeof record["status"] === "number";
}

function fallbackProblem(status: number, code: string, detailKey: string): Problem {
  return {
    type: "about:blank",
    title: i18next.t("ui.problem.title"),
    status,
    code,
    detail: i18next.t(detailKey, { status }),
  };
}

/**
 * Calls the API with the session cookie and the current language. Resolves with the parsed JSON
 * (undefined for 204); rejects with an {@link ApiError} carrying problem details otherwise.
 */
async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = {
    Accept: "application/json, application/problem+json",
    "Accept-Language": acceptLanguage,
  };
  // A Blob (a photo) is sent as raw bytes with its own type; anything else as JSON.
  const isRaw = options.body instanceof Blob;
  if (options.body !== undefined) {
    headers["Content-Type"] = isRaw ? (options.body as Blob).type || "application/octet-stream" : "application/json";
  }
  if (method === "POST") {
    headers["Idempotency-Key"] = options.idempotencyKey ?? crypto.randomUUID();
  }

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : isRaw ? (options.body as Blob) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") {
      throw error;
    }
    throw new ApiError(fallbackProblem(0, "NETWORK_ERROR", "ui.problem.network"));
  }

  if (response.status === 204) {
    return undefined as T;
  }

  const contentType = response.headers.get("content-type") ?? "";
  const isJson = contentType.includes("json");
  const payload: unknown = isJson ? await response.json().catch(() => undefined) : undefined;

  if (!response.ok) {
    if (isProblemBody(payload)) {
      throw new ApiError(payload);
    }
    throw new ApiError(fallbackProblem(response.status, "HTTP_ERROR", "ui.problem.http"));
  }
  if (!isJson) {
    throw new ApiError(fallbackProblem(response.status, "UNEXPECTED_RESPONSE", "ui.problem.unexpected"));
  }
  return payload as T;
}

/** Per-call options that are not part of the endpoint's inputs. */
export type CallOptions = { signal?: AbortSignal | undefined; idempotencyKey?: string | undefined };

/**
 * Calls an endpoint contract: the path is filled from `params`, the query and body are typed by the
 * contract, and the answer is typed by its response schema. The only way the console reaches the API.
 */
export function call<E extends EndpointDef>(
  definition: E,
  input: EndpointInput<E> = {} as EndpointInput<E>,
  options: CallOptions = {},
): Promise<EndpointResponse<E>> {
  const { params, query, body } = input as { params?: Record<string, string | number>; query?: Record<string, QueryValue>; body?: unknown };
  return apiRequest<EndpointResponse<E>>(endpointPath(definition, params), {
    method: definition.method,
    query,
    body,
    idempotencyKey: options.idempotencyKey,
    signal: options.signal,
  });
}

/**
 * The TanStack Query key of an endpoint's answer: its family (the first tag), its path template, then
 * its params and query. Without input it is the prefix of every answer of that endpoint, and
 * {@link endpointFamily} the prefix of the whole family, for invalidation.
 */
export function endpointKey<E extends EndpointDef>(definition: E, input?: Pick<EndpointInput<E>, "params" | "query">): readonly unknown[] {
  const base = [definition.tags[0], definition.method, definition.path] as const;
  if (!input) {
    return base;
  }
  return [...base, input.params ?? null, input.query ?? null];
}

/** The key prefix of every answer of the endpoint's family (all announcements, all needs, …). */
export function endpointFamily(definition: EndpointDef): readonly unknown[] {
  return [definition.tags[0]];
}

/** A link to an endpoint (a download, an export, an iCalendar feed): the same path the client would call. */
export function endpointHref<E extends EndpointDef>(definition: E, input: Pick<EndpointInput<E>, "params" | "query"> = {}): string {
  const { params, query } = input as { params?: Record<string, string | number>; query?: Record<string, QueryValue> };
  return `${API_BASE}${endpointPath(definition, params)}${toQueryString(query)}`;
}
