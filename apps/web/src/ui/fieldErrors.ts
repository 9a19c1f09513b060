import type { Problem } from "@sanshe/contracts";
import { ApiError } from "./api";

export type FormFieldError = { name: (string | number)[]; errors: string[] };

/**
 * Turns problem `errors[]` with paths such as `body.memberships.0.area_code` into AntD
 * `form.setFields` entries (`["memberships", 0, "area_code"]`). `prefix` drops a wrapper such as
 * `data` of an update payload. Errors that match no field are returned apart.
 */
export function toFormFieldErrors(
  error: unknown,
  knownFields: readonly string[],
  prefix: readonly string[] = [],
): { fields: FormFieldError[]; unmatched: Problem["errors"] } {
  if (!(error instanceof ApiError) || !error.problem.errors) {
    return { fields: [], unmatched: [] };
  }
  const byPath = new Map<string, FormFieldError>();
  const unmatched: NonNullable<Problem["errors"]> = [];
  for (const fieldProblem of error.problem.errors) {
    const segments = fieldProblem.path.split(".").filter((segment) => segment !== "");
    if (segments[0] === "body") {
      segments.shift();
    }
    for (const part of prefix) {
      if (segments[0] === part) {
        segments.shift();
      }
    }
    const name = segments.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
    const head = name[0];
    if (typeof head !== "string" || !knownFields.includes(head)) {
      unmatched.push(fieldProblem);
      continue;
    }
    const key = name.join(".");
    const entry = byPath.get(key) ?? { name, errors: [] };
    entry.errors.push(fieldProblem.message);
    byPath.set(key, entry);
  }
  return { fields: [...byPath.values()], unmatched };
}
