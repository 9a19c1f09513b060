import type { Ctx } from "../../platform/ctx.js";
import { AppError } from "../../platform/errors/app-error.js";
import { fieldMessages } from "../../platform/errors/catalog.js";

/** A VALIDATION_FAILED problem with one field issue (its message in the caller's locale). */
export function fieldError(ctx: Ctx, path: string, code: string): AppError {
  const message = fieldMessages[code]?.[ctx.locale] ?? code;
  return new AppError("VALIDATION_FAILED", {}, { errors: [{ path, code, message }] });
}
