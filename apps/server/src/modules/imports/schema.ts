import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export type ImportRowError = {
  row: number;
  field: string | null;
  code: string;
  message: string;
  phase: "validation" | "write";
  /** The cell as found (personal data masked), absent for whole-row errors. */
  value?: string | null;
  /** What the column accepts (a coded column's labels, an area name's candidates). */
  allowed?: string[];
};

/**
 * Spreadsheet import jobs. The uploaded file itself is never stored: only the rows that passed
 * validation, as JSON encrypted with the personal-data key (SM4 + HMAC-SM3, platform/pii), so that
 * an interrupted job can resume: batches commit in row order together with `processed_rows`, so
 * after a crash the job knows exactly where to continue. The rows are deleted (NULL) when the job
 * completes or fails, and after SANSHE_IMPORT_RETENTION_DAYS at the latest.
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    createdBy: uuid("created_by").notNull(),
    fileName: text("file_name").notNull(),
    fileSha256: text("file_sha256").notNull(),
    /** pii().encrypt(JSON of [{ r: file row, c: { column key: cell text } }]) of the valid rows; NULL once the job ended. */
    rowsEncrypted: text("rows_encrypted"),
    encoding: text("encoding").notNull(),
    status: text("status", { enum: ["validating", "validated", "failed", "running", "completed"] }).notNull(),
    mode: text("mode", { enum: ["all", "valid_only"] }),
    totalRows: integer("total_rows").notNull().default(0),
    validRows: integer("valid_rows").notNull().default(0),
    errorRows: integer("error_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    lastRowNumber: integer("last_row_number").notNull().default(0),
    inserted: integer("inserted").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    errors: jsonb("errors").$type<ImportRowError[]>().notNull().default([]),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("import_jobs_created_by_created_at_idx").on(table.createdBy, table.createdAt)],
);
