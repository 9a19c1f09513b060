import { z } from "zod";

/**
 * Chinese identifiers: 公民身份号码 (GB 11643-1999), 统一社会信用代码 (GB 32100-2015) and phone numbers.
 * Pure functions shared by the server (validation, import) and the console (form rules).
 */

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckCharacters = "10X98765432";

/** Full-width digits and letters to ASCII (NFKC), trimmed, lowercase x to X. */
export function normalizeIdNumber(value: string): string {
  return value.normalize("NFKC").trim().replace(/x$/, "X");
}

/** The GB 11643 check character (ISO 7064 MOD 11-2) of the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    sum += Number(first17[index]) * (idWeights[index] ?? 0);
  }
  return idCheckCharacters[sum % 11] ?? "";
}

export type IdNumberProblem = "INVALID_ID_NUMBER" | "ID_NUMBER_LEGACY";

/**
 * Why an 18-character ID number is not valid, or null. The 15-digit form (issued before 1999) is
 * refused with its own code so the message can say to use the 18-digit number.
 */
export function idNumberProblem(raw: string, today: Date = new Date()): IdNumberProblem | null {
  const value = normalizeIdNumber(raw);
  if (/^\d{15}$/.test(value)) {
    return "ID_NUMBER_LEGACY";
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return "INVALID_ID_NUMBER";
  }
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const isRealDate = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!isRealDate || year < 1800 || birth.getTime() > today.getTime()) {
    return "INVALID_ID_NUMBER";
  }
  return idNumberCheckCharacter(value.slice(0, 17)) === value[17] ? null : "INVALID_ID_NUMBER";
}

/** Birth date (YYYY-MM-DD) and gender from a valid 18-character ID number (odd sequence = male). */
export function parseIdNumber(value: string): { birth_date: string; gender: "male" | "female" } {
  const id = normalizeIdNumber(value);
  return {
    birth_date: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? "male" : "female",
  };
}

/** An ID number as people type it: normalized, then checked (issue codes INVALID_ID_NUMBER, ID_NUMBER_LEGACY). */
export const IdNumberSchema = z
  .string()
  .max(32)
  .overwrite(normalizeIdNumber)
  .superRefine((value, context) => {
    const problem = idNumberProblem(value);
    if (problem) {
      context.addIssue({ code: "custom", message: problem });
    }
  })
  .describe("公民身份号码 (GB 11643), 18 characters; full-width digits and a lowercase x are accepted");

const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100 check character of the first 17 characters. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    sum += usccAlphabet.indexOf(first17[index] ?? "") * (usccWeights[index] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return usccAlphabet[check] ?? "";
}

export function normalizeUscc(value: string): string {
  return value.normalize("NFKC").trim().toUpperCase();
}

/** True for a well-formed 统一社会信用代码 with a correct check character. */
export function isValidUscc(raw: string): boolean {
  const value = normalizeUscc(raw);
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) {
    return false;
  }
  return usccCheckCharacter(value.slice(0, 17)) === value[17];
}

/** 统一社会信用代码 (GB 32100): issue code INVALID_USCC. */
export const UsccSchema = z
  .string()
  .max(32)
  .overwrite(normalizeUscc)
  .refine(isValidUscc, { message: "INVALID_USCC" })
  .describe("统一社会信用代码 (GB 32100), 18 characters with a check character");

/** Mainland mobile (11 digits from 13–19) or a landline with area code (010-12345678). */
export function normalizePhone(value: string): string {
  return value
    .normalize("NFKC")
    .trim()
    .replace(/^\+?86[-\s]?/, "")
    .replace(/[\s()]/g, "");
}

export function isValidPhone(raw: string): boolean {
  const value = normalizePhone(raw);
  return /^1[3-9]\d{9}$/.test(value) || /^0\d{2,3}-?\d{7,8}$/.test(value);
}

/** A phone number: issue code INVALID_PHONE. */
export const PhoneSchema = z
  .string()
  .max(32)
  .overwrite(normalizePhone)
  .refine(isValidPhone, { message: "INVALID_PHONE" })
  .describe("Phone: a mainland mobile number (13800000005) or a landline with area code (0371-12345678)");
