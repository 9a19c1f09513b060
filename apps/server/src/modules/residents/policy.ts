import { idNumberProblem, isValidPhone, normalizeIdNumber, normalizePhone } from "@sanshe/contracts";
import type { Actor } from "../../platform/auth/actor.js";
import { isInScope } from "../../platform/auth/permissions.js";

/**
 * Who may see what of a resident (QUALITY.md §1, PIPL 敏感个人信息): the full ID number and phone,
 * and the sensitive groups, only where the actor holds residents.unmask (community staff, street
 * officials); social workers read basic data, masked, without sensitive groups.
 */
export function canUnmaskIn(actor: Actor, areaCode: string): boolean {
  return isInScope(areaCode, actor.scope("residents.unmask"));
}

export function canReadIn(actor: Actor, areaCode: string): boolean {
  return isInScope(areaCode, actor.scope("residents.read"));
}

export function canWriteIn(actor: Actor, areaCode: string): boolean {
  return isInScope(areaCode, actor.scope("residents.write"));
}

/** What a search text is: an exact ID number, an exact phone, or a piece of a name. */
export function classifySearch(q: string): { kind: "id_number" | "phone"; value: string } | { kind: "name"; value: string } {
  const id = normalizeIdNumber(q);
  if (/^\d{17}[\dX]$/.test(id) && idNumberProblem(id) === null) {
    return { kind: "id_number", value: id };
  }
  const phone = normalizePhone(q);
  if (/^[\d-]+$/.test(phone) && isValidPhone(phone)) {
    return { kind: "phone", value: phone };
  }
  return { kind: "name", value: q };
}

/** Self-link attempts an account may make per hour (then 429): guessing a neighbour's data is not possible. */
export const selfLinkAttemptsPerHour = 5;

/** A name as compared for self link: NFKC, without spaces and interpunct variants (张 三 = 张三, 阿依·古丽 = 阿依古丽). */
export function comparableName(name: string): string {
  return name.normalize("NFKC").replace(/[\s·•・.．]/gu, "");
}
