import type { ErrorCode } from "./catalog.js";

/**
 * An error with a stable code from the catalog; the HTTP layer turns it into problem+json.
 * `params` fill the message placeholders; `extra` adds members (e.g. `current` on VERSION_CONFLICT).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = "AppError";
  }
}

export const notFound = () => new AppError("NOT_FOUND");
export const forbidden = () => new AppError("FORBIDDEN");
export const versionConflict = (current: unknown) => new AppError("VERSION_CONFLICT", {}, { current });
