import { z } from "zod";

/**
 * Import cells name a choice either by its Chinese label (as the template shows) or by its code;
 * this maps both to the code, and `aliases` (variants people type: 民非, 本人) to theirs.
 */
export function codeByLabel<Code extends string>(labels: Record<Code, string>, aliases: Record<string, Code> = {}): Map<string, Code> {
  return new Map<string, Code>([
    ...(Object.entries(labels) as Array<[Code, string]>).flatMap(([code, label]): Array<[string, Code]> => [
      [label, code],
      [code, code],
    ]),
    ...Object.entries<Code>(aliases),
  ]);
}

/**
 * A cell naming a choice by label, code or alias, read as the code; any other text is the field issue
 * `issue` (INVALID_LEVEL).
 */
export function labelCell<Code extends string>(labels: Record<Code, string>, issue: string, aliases: Record<string, Code> = {}) {
  const byLabel = codeByLabel(labels, aliases);
  return z
    .string()
    .trim()
    .transform((value, context) => {
      const code = byLabel.get(value);
      if (code === undefined) {
        context.addIssue({ code: "custom", message: issue });
        return z.NEVER;
      }
      return code;
    });
}

/** A cell listing several values (codes, labels) separated by commas (ASCII or full-width), 、 or spaces. */
export function splitListCell(value: string, separators: RegExp = /[,，、\s]+/): string[] {
  return value
    .split(separators)
    .map((part) => part.trim())
    .filter(Boolean);
}
