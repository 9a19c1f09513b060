import { randomUUID } from "node:crypto";
import { CODE_PATTERN } from "@sanshe/contracts";
import { randomUscc } from "../modules/social-orgs/test/factories.js";
import { makeIdNumber } from "../modules/residents/test/factories.js";

/** The subset of JSON Schema (as the OpenAPI document writes it) that the quality suites read. */
export type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

/** Values for fields by name that the generic example cannot guess (an API key, a real area). */
export const exampleHints: Record<string, unknown> = {};

export function unwrap(schema: Schema): Schema {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const concrete = options.find((option) => option.type !== "null") ?? options[0] ?? {};
    return unwrap(concrete);
  }
  if (schema.allOf?.length === 1 && schema.allOf[0]) {
    return unwrap(schema.allOf[0]);
  }
  return schema;
}

export function typeOf(schema: Schema): string {
  const s = unwrap(schema);
  if (Array.isArray(s.type)) {
    return s.type.find((type) => type !== "null") ?? "string";
  }
  return s.type ?? (s.properties ? "object" : s.enum ? "string" : "unknown");
}

/** A value the schema accepts for a field named `name` (best effort: enough to make only the mutated field wrong). */
export function example(schema: Schema, name: string): unknown {
  const s = unwrap(schema);
  if (s.const !== undefined) {
    return s.const;
  }
  if (s.enum) {
    return s.enum[0];
  }
  switch (typeOf(s)) {
    case "object": {
      const body: Record<string, unknown> = {};
      for (const key of s.required ?? []) {
        body[key] = example(s.properties?.[key] ?? {}, key);
      }
      return body;
    }
    case "array":
      return Array.from({ length: s.minItems ?? 0 }, () => example(s.items ?? {}, name));
    case "integer":
    case "number": {
      if (name === "version") {
        return 1;
      }
      const low = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
      return Math.min(Math.max(low, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case "boolean":
      return false;
    default:
      return exampleString(s, name);
  }
}

function exampleString(s: Schema, name: string): string {
  if (s.format === "uuid") {
    return randomUUID();
  }
  if (s.format === "date") {
    return "2026-03-02";
  }
  if (s.format === "date-time") {
    return "2026-03-02T10:00:00+08:00";
  }
  if (s.format === "email") {
    return "someone@example.com";
  }
  if (/id_number/.test(name)) {
    return makeIdNumber();
  }
  if (/uscc/.test(name)) {
    return randomUscc();
  }
  if (/phone/.test(name)) {
    return "13800000005";
  }
  if (name in exampleHints) {
    return String(exampleHints[name]);
  }
  if (s.pattern === CODE_PATTERN.source) {
    // a code from a published list: a real need category, so a write that looks it up goes through
    return "repairs";
  }
  if (name === "token") {
    return "no-such-token-0001";
  }
  if (/area_code|^area$|jurisdiction_id/.test(name) || s.pattern?.includes("\\d{12}")) {
    return "410105007002";
  }
  if (name === "password" || name === "new_password") {
    return "A-long-enough-password-2026";
  }
  const text = "测试文本内容";
  return text.repeat(Math.ceil((s.minLength ?? 1) / text.length)).slice(0, Math.max(s.minLength ?? 1, Math.min(6, s.maxLength ?? 6)));
}

export function mergeDeep(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] =
      value && typeof value === "object" && !Array.isArray(value) && current && typeof current === "object"
        ? mergeDeep(current as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return merged;
}
