import { DEFAULT_DEMO_PASSWORD } from "@sanshe/contracts";
import path from "node:path";
import { z } from "zod";
import { developmentKey } from "./pii/index.js";

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("localhost"),
  DATABASE_URL: z.string().url().optional(),
  SANSHE_DATA_DIR: z.string().default("data/pglite"),
  NODE_ENV: z.string().default("development"),
  SANSHE_DEMO_PASSWORD: z.string().min(10).default(DEFAULT_DEMO_PASSWORD),
  SANSHE_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SANSHE_SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  SANSHE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  SANSHE_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  SANSHE_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(30),
  SANSHE_LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  SANSHE_MIN_FREE_MB: z.coerce.number().nonnegative().default(200),
  /** PGlite: below this free space in the data directory, writes are refused with 507 STORAGE_FULL (0: never). */
  SANSHE_WRITE_MIN_FREE_MB: z.coerce.number().nonnegative().default(64),
  /** Fault tests only: read the data directory's free space (MB) from this file instead of the file system. */
  SANSHE_FAULT_FREE_MB_FILE: z.string().optional(),
  SANSHE_IMPORT_STALE_SECONDS: z.coerce.number().positive().default(60),
  /** Days an import job keeps its (encrypted) rows when it is neither committed nor failed; then they are deleted. */
  SANSHE_IMPORT_RETENTION_DAYS: z.coerce.number().positive().default(7),
  /** What an uploaded XLSX may unpack to, in MB (declared and really inflated); larger files answer 413. */
  SANSHE_IMPORT_MAX_UNPACKED_MB: z.coerce.number().positive().max(1024).default(40),
  SANSHE_ESCALATION_INTERVAL_SECONDS: z.coerce.number().nonnegative().default(300),
  SANSHE_DASHBOARD_CACHE_SECONDS: z.coerce.number().int().nonnegative().default(60),
  SANSHE_OCDS_CACHE_SECONDS: z.coerce.number().int().nonnegative().default(60),
  SANSHE_TRAINING_HOURS_PER_YEAR: z.coerce.number().nonnegative().default(72),
  SANSHE_CONFIRMATION_WAIT_DAYS: z.coerce.number().nonnegative().max(60).default(3),
  SANSHE_WORKFORCE_STANDARD_PER_1000: z.coerce.number().positive().default(2),
  SANSHE_ADMISSION_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  SANSHE_HOLIDAYS: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?(\s*,\s*\d{4}-\d{2}-\d{2})*$/, "comma-separated dates YYYY-MM-DD")
    .default(""),
  SANSHE_ADMIN_HOUR_COST_FEN: z.coerce.number().int().nonnegative().default(5000),
  /** Prefix of Open Contracting IDs (OCDS ocid), registered with the Open Contracting Partnership. */
  SANSHE_OCID_PREFIX: z
    .string()
    .regex(/^ocds-[a-z0-9-]+$/)
    .default("ocds-sanshe"),
  /** Shed load (503 + Retry-After) when the event loop lags this long; 0 turns it off. Default: 1000 on PostgreSQL, off on PGlite. */
  SANSHE_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().nonnegative().optional(),
  SANSHE_SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  /** Host names (comma-separated) whose pages may send cookie-authenticated writes besides the request's own Host (behind a proxy that rewrites Host). */
  SANSHE_TRUSTED_ORIGIN_HOSTS: z
    .string()
    .regex(/^[a-z0-9.:[\],-]+$/i, "comma-separated host names, e.g. sanshe.example.gov.cn,console.example.gov.cn")
    .optional(),
  SANSHE_PII_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hexadecimal characters (32 bytes)")
    .optional(),
  /** smtp(s)://user:pass@host:port — e-mail notifications through this server; unset: printed to the log. */
  SANSHE_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  SANSHE_MAIL_FROM: z.string().default("三社联动平台 <noreply@sanshe.localhost>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  isProduction: boolean;
  demoPassword: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  statementTimeoutMs: number;
  loginMaxFailures: number;
  loginLockMs: number;
  loginRateLimitPerMinute: number;
  minFreeBytes: number;
  /** PGlite: writes are refused (507 STORAGE_FULL) while the data directory has less free space than this. */
  writeMinFreeBytes: number;
  /** Fault tests where mount is not allowed: a file holding the free space in MB, read instead of statfs. */
  faultFreeMbFile: string | null;
  /** A running import whose heartbeat is older than this is shown as interrupted and may resume. */
  importStaleMs: number;
  /** A job's stored rows are deleted this long after its upload, if it has not ended before. */
  importRetentionMs: number;
  /** Unpacked-size cap of an uploaded XLSX, in bytes. */
  importMaxUnpackedBytes: number;
  /** Event-loop lag above which requests are refused with 503 + Retry-After; 0 = never. */
  maxEventLoopDelayMs: number;
  /** How often the server escalates overdue referrals to the street officials (0: never; `sanshe needs escalate` still works). */
  escalationIntervalMs: number;
  /** A district's or wider needs dashboard is computed at most this often per area and period (0: always live). */
  dashboardCacheSeconds: number;
  /** The OCDS feed pages through a list of release heads taken at most this often (0: every page reads it live). */
  ocdsCacheSeconds: number;
  secureCookies: boolean;
  /** Host names besides the request's own whose pages may send cookie-authenticated writes (Origin check). */
  trustedOriginHosts: string[];
  /** Continuing-education hours a social worker needs per calendar year. */
  trainingHoursPerYear: number;
  /** Days a resident with an account has to confirm a done need before staff may confirm it by a call-back. */
  confirmationWaitDays: number;
  /** Lower bound of the social workers per 1,000 residents standard. */
  workforceStandardPerThousand: number;
  /** Working days a street or district has to decide on a department's administrative task (准入). */
  admissionWorkingDays: number;
  /** Public holidays (YYYY-MM-DD) that are not working days, besides Saturdays and Sundays. */
  holidays: string[];
  /** Estimated cost of one staff hour on an administrative task, in fen: what an unfunded running task owes. */
  adminHourCostFen: number;
  /** Prefix of Open Contracting IDs: `${ocidPrefix}-${callId}`. */
  ocidPrefix: string;
  logLevel: string;
  /** Master key for personal data (SM4 encryption, HMAC-SM3 blind index), 32 bytes. */
  piiKey: Buffer;
  /** True when no SANSHE_PII_KEY was set and the fixed development key is used (never in production). */
  piiKeyIsDevelopment: boolean;
  webDist: string;
  version: string;
  /** SMTP server for e-mailed notifications; null: e-mails are printed to the log. */
  smtpUrl: string | null;
  mailFrom: string;
};

export const repositoryRoot = path.resolve(import.meta.dirname, "../../../..");

/** Reads the configuration from the environment; a bad value stops the start with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset (DATABASE_URL= falls back to PGlite).
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === "production";
  if (isProduction && !e.SANSHE_PII_KEY) {
    throw new Error(
      "Invalid configuration:\n  SANSHE_PII_KEY: required in production (64 hex characters; keep it out of the database backups)",
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(repositoryRoot, e.SANSHE_DATA_DIR),
    isProduction,
    demoPassword: e.SANSHE_DEMO_PASSWORD,
    sessionIdleMs: e.SANSHE_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SANSHE_SESSION_MAX_HOURS * 3_600_000,
    statementTimeoutMs: e.SANSHE_STATEMENT_TIMEOUT_MS,
    loginMaxFailures: e.SANSHE_LOGIN_MAX_FAILURES,
    loginLockMs: e.SANSHE_LOGIN_LOCK_MINUTES * 60_000,
    loginRateLimitPerMinute: e.SANSHE_LOGIN_RATE_PER_MINUTE,
    minFreeBytes: e.SANSHE_MIN_FREE_MB * 1024 * 1024,
    writeMinFreeBytes: e.SANSHE_WRITE_MIN_FREE_MB * 1024 * 1024,
    faultFreeMbFile: e.SANSHE_FAULT_FREE_MB_FILE ?? null,
    importStaleMs: e.SANSHE_IMPORT_STALE_SECONDS * 1000,
    importRetentionMs: e.SANSHE_IMPORT_RETENTION_DAYS * 86_400_000,
    importMaxUnpackedBytes: Math.round(e.SANSHE_IMPORT_MAX_UNPACKED_MB * 1024 * 1024),
    // PGlite runs every statement on the event loop, so a lagging loop is normal there, not overload.
    maxEventLoopDelayMs: e.SANSHE_MAX_EVENT_LOOP_DELAY_MS ?? (e.DATABASE_URL ? 1000 : 0),
    escalationIntervalMs: e.SANSHE_ESCALATION_INTERVAL_SECONDS * 1000,
    dashboardCacheSeconds: e.SANSHE_DASHBOARD_CACHE_SECONDS,
    ocdsCacheSeconds: e.SANSHE_OCDS_CACHE_SECONDS,
    smtpUrl: e.SANSHE_SMTP_URL ?? null,
    mailFrom: e.SANSHE_MAIL_FROM,
    secureCookies: e.SANSHE_SECURE_COOKIES ? e.SANSHE_SECURE_COOKIES === "true" : isProduction,
    trustedOriginHosts: (e.SANSHE_TRUSTED_ORIGIN_HOSTS ?? "")
      .split(",")
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
    trainingHoursPerYear: e.SANSHE_TRAINING_HOURS_PER_YEAR,
    confirmationWaitDays: e.SANSHE_CONFIRMATION_WAIT_DAYS,
    workforceStandardPerThousand: e.SANSHE_WORKFORCE_STANDARD_PER_1000,
    admissionWorkingDays: e.SANSHE_ADMISSION_WORKING_DAYS,
    holidays: e.SANSHE_HOLIDAYS.split(",")
      .map((day) => day.trim())
      .filter(Boolean),
    adminHourCostFen: e.SANSHE_ADMIN_HOUR_COST_FEN,
    ocidPrefix: e.SANSHE_OCID_PREFIX,
    logLevel: e.LOG_LEVEL,
    piiKey: e.SANSHE_PII_KEY ? Buffer.from(e.SANSHE_PII_KEY, "hex") : developmentKey(),
    piiKeyIsDevelopment: !e.SANSHE_PII_KEY,
    webDist: path.join(repositoryRoot, "apps/web/dist"),
    version: "0.1.0",
  };
}
