import type { Problem } from "@sanshe/contracts";
import type { FormInstance } from "antd";
import { ApiError } from "./api";

type FormFieldError = { name: (string | number)[]; errors: string[] };

/** What `form.setFields` accepts for a form holding `Values`. */
export type FieldErrors<Values> = Parameters<FormInstance<Values>["setFields"]>[0];

/**
 * Turns problem `errors[]` with paths such as `body.memberships.0.area_code` into AntD
 * `form.setFields` entries (`["memberships", 0, "area_code"]`). `prefix` drops a wrapper such as
 * `data` of an update payload. Errors that match no field are returned apart.
 */
export function toFormFieldErrors<Values>(
  error: unknown,
  knownFields: readonly string[],
  prefix: readonly string[] = [],
): { fields: FieldErrors<Values>; unmatched: NonNullable<Problem["errors"]> } {
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
  // Names come from the server's paths; only those whose head is a known field of the form are kept.
  return { fields: [...byPath.values()] as FieldErrors<Values>, unmatched };
}

/** Marks the form fields named by a problem's `errors[]`; returns the field problems no field matched. */
export function showFieldErrors<Values>(
  form: FormInstance<Values>,
  error: unknown,
  knownFields: readonly string[],
  prefix: readonly string[] = [],
): NonNullable<Problem["errors"]> {
  const { fields, unmatched } = toFormFieldErrors<Values>(error, knownFields, prefix);
  form.setFields(fields);
  return unmatched;
}
