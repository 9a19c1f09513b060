import { z } from "zod";

/**
 * Characters PostgreSQL refuses (NUL) or that hide text (C0/C1 controls except tab and newline,
 * zero-width and bidirectional overrides). Names and free text containing them are rejected with a
 * field error rather than reaching the driver.
 */
// eslint-disable-next-line no-control-regex
const forbiddenCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/u;

/**
 * Single-line text from a person: normalized to NFC and trimmed; control and zero-width characters are
 * refused (stable issue code `TEXT_FORBIDDEN_CHARACTER`). Characters outside the BMP (𠮷) and the middle
 * dot of minority names (·) are allowed.
 */
export function text(options: { min?: number; max: number }) {
  return z
    .string()
    .normalize("NFC")
    .trim()
    .min(options.min ?? 1)
    .max(options.max)
    .refine((value) => !forbiddenCharacters.test(value), {
      message: "TEXT_FORBIDDEN_CHARACTER",
    });
}

/**
 * A code from a list the server publishes (need categories: `elderly_care`): lower-case ASCII letters,
 * digits and underscores, so no control or look-alike character reaches a lookup (`CODE_INVALID`).
 */
export const CODE_PATTERN = /^[a-z][a-z0-9_]*$/;
export function code(max: number) {
  return z.string().max(max).regex(CODE_PATTERN, "CODE_INVALID");
}

/**
 * Rich text (HTML) from an editor, sanitized by the server on write: the same hidden characters as
 * `text` are refused (`TEXT_FORBIDDEN_CHARACTER`); tabs and line breaks are kept.
 */
export function richText(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => !forbiddenCharacters.test(value), { message: "TEXT_FORBIDDEN_CHARACTER" });
}

/** A statistical division code (统计用区划代码): 2, 4, 6, 9 or 12 digits; a code is the prefix of its children. */
export const AreaCodeSchema = z
  .string()
  .regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, "INVALID_AREA_CODE")
  .describe("Statistical division code (GB/T 2260 + 统计用区划代码), 2 to 12 digits, e.g. 410105007002");
export type AreaCode = z.infer<typeof AreaCodeSchema>;

export const UuidSchema = z.uuid().describe("Identifier (UUID)");

/** Keyset pagination input shared by every list endpoint. */
export const PageQuerySchema = z.object({
  cursor: z.string().max(512).optional().describe("Opaque cursor from the previous page's next_cursor"),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Page size, 1 to 200 (default 50)"),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** The `{ items, next_cursor }` shape of every list response (keyset pagination). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item).describe("The rows of this page"),
    next_cursor: z.string().nullable().describe("Cursor for the next page, or null on the last page"),
  });
}
export type Page<T> = { items: T[]; next_cursor: string | null };

/** The most rows a list counts exactly; past it the total reads "10,000+" (`capped`). */
export const TOTAL_CAP = 10000;

/**
 * A page of a list that counts its rows: `{ items, next_cursor, total, capped }`. The total counts
 * every row the filters and the caller's scope let through, up to TOTAL_CAP; `capped` says more exist.
 */
export function countedPageOf<T extends z.ZodType>(item: T) {
  return pageOf(item).extend({
    total: z.number().int().min(0).describe(`Rows matching the filters in your scope, at most ${TOTAL_CAP}`),
    capped: z.boolean().describe(`True when more than ${TOTAL_CAP} rows match (shown as "10,000+")`),
  });
}
export type CountedPage<T> = Page<T> & { total: number; capped: boolean };

/** A `sort` value: the column (ascending) or `-column` (descending). */
export type SortValue<C extends string> = C | `-${C}`;

/**
 * The `sort` query parameter of a list: one of its allow-listed columns, `-` first for descending;
 * any other value is refused with 400 VALIDATION_FAILED. Absent: the list's default order.
 */
export function sortQuery<const C extends readonly [string, ...string[]]>(columns: C, fallback: SortValue<C[number]>) {
  const values = columns.flatMap((column) => [column, `-${column}`]) as unknown as readonly [
    SortValue<C[number]>,
    ...Array<SortValue<C[number]>>,
  ];
  return z
    .enum(values)
    .optional()
    .describe(`Sort order: ${columns.join(", ")} (ascending) or the same with a leading - (descending); default ${fallback}`);
}

/** One field problem inside a problem+json answer. */
export const FieldProblemSchema = z.object({
  path: z.string().describe("Dotted path of the field, e.g. body.memberships.0.area_code"),
  code: z.string().describe("Stable code of the problem"),
  message: z.string().describe("Message in the caller's language"),
});

/** RFC 9457 problem details, with Sanshe's stable `code`. */
export const ProblemSchema = z.object({
  type: z.string().describe("URI reference naming the problem type"),
  title: z.string().describe("Short summary in the caller's language"),
  status: z.number().int().describe("HTTP status"),
  code: z.string().describe("Stable machine-readable code, e.g. NOT_FOUND"),
  detail: z.string().describe("Explanation in the caller's language"),
  request_id: z.string().optional().describe("Identifier of the request in the server's logs"),
  errors: z.array(FieldProblemSchema).optional().describe("Field problems, for validation failures"),
  current: z.unknown().optional().describe("On VERSION_CONFLICT: the current copy of the record"),
  existing_id: z.string().optional().describe("On RESIDENT_EXISTS: the existing record, only when it lies in the caller's scope"),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const LocaleSchema = z.enum(["zh-CN", "en"]).describe("Locale");
export type Locale = z.infer<typeof LocaleSchema>;

export const TimestampSchema = z.string().describe("ISO 8601 instant with offset");

/** The earliest date a person may enter (birth dates of the oldest residents, founding dates). */
export const earliestPlausibleDate = "1900-01-01";
/** How many years ahead of today a date may lie (contract periods, due dates, deadlines). */
export const plausibleYearsAhead = 10;

/** YYYY-MM-DD of the last plausible date: today (UTC) plus plausibleYearsAhead years. */
export function latestPlausibleDate(today: Date = new Date()): string {
  return `${String(today.getUTCFullYear() + plausibleYearsAhead).padStart(4, "0")}${today.toISOString().slice(4, 10)}`;
}

/** True for a YYYY-MM-DD between earliestPlausibleDate and latestPlausibleDate (inclusive). */
export function isPlausibleDate(value: string, today: Date = new Date()): boolean {
  return value >= earliestPlausibleDate && value <= latestPlausibleDate(today);
}

/**
 * The one input date of the contracts: a real calendar date (2023-02-29 is refused) from 1900-01-01 to
 * ten years after today; outside that range the field error is `DATE_OUT_OF_RANGE` (9999-12-31 is a typo,
 * not a payment date). Responses keep plain dates, so a stored older value still reads.
 */
export const CalendarDateSchema = z.iso
  .date()
  .refine((value) => isPlausibleDate(value), { message: "DATE_OUT_OF_RANGE" })
  .describe("Date, YYYY-MM-DD, from 1900-01-01 to ten years after today");

/** An input instant (ISO 8601 with offset) whose date lies in the plausible range of CalendarDateSchema. */
export const CalendarInstantSchema = z.iso
  .datetime({ offset: true })
  .refine(
    (value) => {
      const time = Date.parse(value);
      return Number.isFinite(time) && isPlausibleDate(new Date(time).toISOString().slice(0, 10));
    },
    { message: "DATE_OUT_OF_RANGE" },
  )
  .describe("ISO 8601 instant with offset, from 1900 to ten years after today");
