import { z } from "zod";
import { LocaleSchema, pageOf, PageQuerySchema, TimestampSchema, UuidSchema } from "./common.js";
import { endpoint } from "./endpoint.js";

export const ImportStatusSchema = z
  .enum(["validating", "validated", "failed", "running", "interrupted", "completed"])
  .describe(
    "validating: the rows are being checked (progress: processed_rows / total_rows); validated: report ready, nothing written; running; interrupted: the process stopped, resume it; completed; failed: the file cannot be imported",
  );

export const ImportRowErrorSchema = z.object({
  row: z.number().int().describe("Row number in the file (the header is row 1)"),
  field: z.string().nullable().describe("Column header, or null for the whole row"),
  code: z.string().describe("Stable code, e.g. INVALID_ID_NUMBER, RESIDENT_EXISTS, DUPLICATE_IN_FILE"),
  message: z.string().describe("Explanation in the caller's language"),
  phase: z.enum(["validation", "write"]).describe("validation: found before anything was written; write: refused while writing"),
  value: z.string().nullable().optional().describe("The cell as found (personal data masked); null or absent for whole-row errors"),
  allowed: z
    .array(z.string())
    .optional()
    .describe("What the column accepts: a coded column's values as the template lists them, or the areas an area name could mean"),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const ImportJobSchema = z.object({
  id: UuidSchema,
  kind: z.string().describe("What is imported: residents, social-orgs, social-workers, …"),
  file_name: z.string().describe("Uploaded file name"),
  encoding: z.enum(["xlsx", "utf-8", "utf-8-bom", "gb18030"]).describe("How the file was read (detected, shown to the user)"),
  status: ImportStatusSchema,
  mode: z.enum(["all", "valid_only"]).nullable().describe("all: only when there are no errors; valid_only: skip bad rows"),
  total_rows: z.number().int().describe("Data rows in the file"),
  valid_rows: z.number().int().describe("Rows that passed validation"),
  error_rows: z.number().int().describe("Rows with at least one error"),
  processed_rows: z
    .number()
    .int()
    .describe(
      "Progress, committed batch by batch: while validating, rows checked so far (of total_rows); while running, valid rows attempted so far, written or refused (of valid_rows)",
    ),
  last_row_number: z.number().int().describe("File row of the last committed batch: where a resumed job continues"),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(ImportRowErrorSchema).describe("Every bad row with field and reason (first 1,000)"),
  created_at: TimestampSchema,
  finished_at: TimestampSchema.nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

export const ImportKindParamsSchema = z.object({
  kind: z
    .string()
    .regex(/^[a-z-]{2,40}$/)
    .describe("Import kind"),
});
export const ImportJobParamsSchema = z.object({ id: UuidSchema });

export const ImportCreateQuerySchema = z.object({
  kind: z
    .string()
    .regex(/^[a-z-]{2,40}$/)
    .describe("What the file holds: residents, social-orgs, social-workers, …"),
  file_name: z.string().trim().min(1).max(200).describe("Original file name (.xlsx or .csv)"),
  check: z
    .enum(["wait", "background"])
    .default("wait")
    .describe("wait: answer with the checked job (report included); background: answer at once with status validating, then poll the job"),
});

export const ImportCommitSchema = z.strictObject({
  mode: z.enum(["all", "valid_only"]).describe("all: refused while errors remain; valid_only: import only the valid rows"),
});
export type ImportCommit = z.infer<typeof ImportCommitSchema>;

export const ImportTemplateQuerySchema = z.object({
  format: z.enum(["xlsx", "csv"]).default("xlsx").describe("File format"),
  lang: LocaleSchema.optional().describe("Language of the headers, sheet names and instructions (default: Accept-Language)"),
});

export const ImportJobPageSchema = pageOf(ImportJobSchema.omit({ errors: true }));
export const ImportJobListQuerySchema = PageQuerySchema;

export const ExportFormatQuerySchema = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx").describe("File format") });

export const ImportKindSchema = z.object({
  kind: z.string().describe("Import kind"),
  columns: z
    .array(
      z.object({
        key: z.string(),
        header: z.string(),
        header_en: z.string(),
        example: z.string().optional(),
        required: z.boolean().optional().describe("The cell must not be empty"),
        allowed: z.array(z.string()).optional().describe("A coded column's values (labels; codes are accepted too)"),
      }),
    )
    .describe("Template columns"),
});
export const ImportKindListSchema = z.object({ items: z.array(ImportKindSchema).describe("Kinds the caller may import") });

/** Content types a spreadsheet upload may carry (XLSX, legacy Excel, CSV, or untyped bytes). */
export const IMPORT_UPLOAD_TYPES = [
  "application/octet-stream",
  "text/csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel",
] as const;
/** Largest spreadsheet an import accepts (10 MiB). */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;

const tags = ["imports"] as const;

/** Spreadsheet imports: upload and validate, commit or resume, templates. */
export const importEndpoints = {
  create: endpoint({
    method: "POST",
    path: "/imports",
    summary:
      "Upload a spreadsheet (XLSX or CSV as the raw request body) and get its validation report; nothing is written yet. Only the valid rows are kept, encrypted, until the job ends (at most SANSHE_IMPORT_RETENTION_DAYS). One file is read at a time per server: others wait briefly or get 503 IMPORT_BUSY with Retry-After",
    tags,
    access: "imports.run",
    query: ImportCreateQuerySchema,
    upload: { types: IMPORT_UPLOAD_TYPES, maxBytes: MAX_IMPORT_FILE_BYTES },
    status: 201,
    response: ImportJobSchema,
    problems: [409, 413, 415, 503],
  }),
  kinds: endpoint({
    method: "GET",
    path: "/imports/kinds",
    summary: "What you may import, with each template's columns",
    tags,
    access: "imports.run",
    status: 200,
    response: ImportKindListSchema,
    omitProblems: [400, 404],
  }),
  list: endpoint({
    method: "GET",
    path: "/imports",
    summary: "Your import jobs, newest first",
    tags,
    access: "imports.run",
    query: ImportJobListQuerySchema,
    status: 200,
    response: ImportJobPageSchema,
    problems: [409],
  }),
  get: endpoint({
    method: "GET",
    path: "/imports/:id",
    summary: "One of your import jobs with its report and progress",
    tags,
    access: "imports.run",
    params: ImportJobParamsSchema,
    status: 200,
    response: ImportJobSchema,
    problems: [409],
  }),
  commit: endpoint({
    method: "POST",
    path: "/imports/:id/commit",
    summary: "Write a validated import: everything (only when there are no errors) or only the valid rows; runs in the background",
    tags,
    access: "imports.run",
    params: ImportJobParamsSchema,
    body: ImportCommitSchema,
    status: 202,
    response: ImportJobSchema,
    problems: [409],
  }),
  resume: endpoint({
    method: "POST",
    path: "/imports/:id/resume",
    summary: "Resume an interrupted import after its last committed row",
    tags,
    access: "imports.run",
    params: ImportJobParamsSchema,
    status: 202,
    response: ImportJobSchema,
    problems: [409],
  }),
  template: endpoint({
    method: "GET",
    path: "/imports/templates/:kind",
    summary:
      "Download the import template: headers and an example row; the XLSX also has drop-down lists on coded columns and an instructions sheet (sheet names in the caller's language)",
    tags,
    access: "imports.run",
    params: ImportKindParamsSchema,
    query: ImportTemplateQuerySchema,
    status: 200,
    response: z.any().describe("The template file"),
    download: true,
    problems: [409],
  }),
};
