/**
 * Import cells name a choice either by its Chinese label (as the template shows) or by its code;
 * this maps both to the code.
 */
export function codeByLabel<Code extends string>(labels: Record<Code, string>): Map<string, Code> {
  return new Map(
    (Object.entries(labels) as Array<[Code, string]>).flatMap(([code, label]) => [
      [label, code],
      [code, code],
    ]),
  );
}
