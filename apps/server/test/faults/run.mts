/**
 * The fault suite (issue 14, QUALITY.md §4), a CI step bounded in time. Each fault runs against the
 * real `sanshe` command and prints one summary line; the run exits 1 when any fault fails.
 *
 *   a. PostgreSQL restart during a burst of keyed writes, on a second cluster this script creates
 *      on its own port in a temporary directory (never the machine's cluster on 5432).
 *   b. SIGKILL during an import, then `sanshe import resume` (the imports CLI test).
 *   c. A nearly full small file system under PGlite: a tmpfs of a few MB when `mount` is allowed,
 *      else the guard's free-space reading is simulated (SANSHE_FAULT_FREE_MB_FILE) and the line says so.
 *   d. A second process on the data directory of the running PGlite server of (c) is refused with a
 *      clear message.
 *
 * Run: `npm run test:faults` (root). Needs the PostgreSQL 15 binaries for (a); as root the cluster
 * runs as the postgres user.
 */
import { DEFAULT_DEMO_PASSWORD } from "@sanshe/contracts";
import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../../../..");
const bin = path.join(root, "apps/server/bin/sanshe.mjs");
/** The PostgreSQL binaries: FAULTS_PG_BIN, else the newest /usr/lib/postgresql/<version>/bin. */
function findPgBin(): string {
  if (process.env.FAULTS_PG_BIN) {
    return process.env.FAULTS_PG_BIN;
  }
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).filter((name) => /^\d+$/.test(name)) : [];
  const newest = versions.sort((left, right) => Number(right) - Number(left))[0] ?? "15";
  return path.join(base, newest, "bin");
}
const pgBin = findPgBin();
const pgPort = Number(process.env.FAULTS_PG_PORT ?? 55432);
const demoPassword = DEFAULT_DEMO_PASSWORD;
const isRoot = process.getuid?.() === 0;
const mb = 1_048_576;

type Result = { name: string; ok: boolean; detail: string; seconds: number };
const results: Result[] = [];
const cleanups: Array<() => Promise<void> | void> = [];

function log(line: string): void {
  process.stdout.write(`  ${line}\n`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

class FaultFailed extends Error {}

function check(condition: boolean, message: string): void {
  if (!condition) {
    throw new FaultFailed(message);
  }
}

async function fault(name: string, budgetSeconds: number, body: () => Promise<string>, ownsCleanups = true): Promise<void> {
  const started = Date.now();
  process.stdout.write(`\n--- fault ${name}\n`);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new FaultFailed(`did not finish within ${budgetSeconds} s`)), budgetSeconds * 1000);
    });
    const detail = await Promise.race([body(), timeout]);
    results.push({ name, ok: true, detail, seconds: (Date.now() - started) / 1000 });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    results.push({ name, ok: false, detail, seconds: (Date.now() - started) / 1000 });
  } finally {
    clearTimeout(timer);
    while (ownsCleanups && cleanups.length > 0) {
      await Promise.resolve(cleanups.pop()?.()).catch((error: unknown) => log(`cleanup failed: ${String(error)}`));
    }
  }
}

/** Runs a command of the cluster as the postgres user when this runs as root (initdb refuses root). */
function pgCommand(command: string, args: string[]): { code: number; out: string } {
  const file = path.join(pgBin, command);
  const result = isRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", file, ...args], { encoding: "utf8" })
    : spawnSync(file, args, { encoding: "utf8" });
  return { code: result.status ?? -1, out: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}` };
}

type Server = { child: ChildProcess; url: string; output: () => string; alive: () => boolean; stop: () => Promise<void> };

/** Starts `sanshe serve` on a free port and waits until it listens. */
async function startServer(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Server> {
  const child = spawn(process.execPath, [bin, "serve"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      PORT: "0",
      SANSHE_ESCALATION_INTERVAL_SECONDS: "0",
      SANSHE_LOGIN_RATE_PER_MINUTE: "10000",
      SANSHE_MAX_EVENT_LOOP_DELAY_MS: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (!alive()) {
      return;
    }
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    await Promise.race([exited, sleep(10_000)]);
    if (alive()) {
      child.kill("SIGKILL");
      await exited;
    }
  };
  cleanups.push(stop);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /Sanshe is running on .*: (http:\/\/[^/\s]+)\//.exec(output);
    if (match?.[1]) {
      return { child, url: match[1], output: () => output, alive, stop };
    }
    if (!alive()) {
      throw new FaultFailed(`the server exited while starting:\n${output.slice(-2000)}`);
    }
    await sleep(250);
  }
  throw new FaultFailed(`the server did not start within ${timeoutMs / 1000} s:\n${output.slice(-2000)}`);
}

async function signIn(url: string, login: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password: demoPassword }),
  });
  const cookie = /sanshe_session=[^;]+/.exec(response.headers.get("set-cookie") ?? "")?.[0];
  check(response.status === 200 && cookie !== undefined, `sign-in of ${login} failed: ${response.status}`);
  return cookie as string;
}

type Answer = { status: number; body: { id?: string; code?: string }; retryAfter: string | null } | { status: 0; error: string };

async function postNeed(url: string, cookie: string, key: string, description: string): Promise<Answer> {
  try {
    const response = await fetch(`${url}/api/v1/needs`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "idempotency-key": key },
      body: JSON.stringify({ category: "elderly_care", description }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    let body: { id?: string; code?: string } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // a non-JSON answer is judged by its status
    }
    return { status: response.status, body, retryAfter: response.headers.get("retry-after") };
  } catch (error) {
    return { status: 0, error: error instanceof Error ? error.message : String(error) };
  }
}

/** a. PostgreSQL restart during a burst of keyed writes from eight clients. */
async function postgresRestart(): Promise<string> {
  check(existsSync(path.join(pgBin, "initdb")), `no PostgreSQL binaries in ${pgBin} (set FAULTS_PG_BIN)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "sanshe-fault-pg-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const data = path.join(dir, "data");
  if (isRoot) {
    chownSync(dir, Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim()), 0);
  }
  const init = pgCommand("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  check(init.code === 0, `initdb failed: ${init.out}`);
  const options = `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40`;
  const started = pgCommand("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "postgres.log"), "-w", "start"]);
  check(started.code === 0, `the second cluster did not start: ${started.out}`);
  cleanups.push(() => {
    pgCommand("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  });
  const adminUrl = `postgres://postgres@127.0.0.1:${pgPort}/postgres`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE sanshe_faults");
  await admin.end();
  const databaseUrl = `postgres://postgres@127.0.0.1:${pgPort}/sanshe_faults`;
  log(`cluster on port ${pgPort} in ${dir}; starting the server (migrate + demo world)`);
  const server = await startServer({ DATABASE_URL: databaseUrl }, 150_000);
  const cookie = await signIn(server.url, "demo-resident");

  const runId = `${process.pid}-${Date.now()}`;
  const acknowledged = new Map<string, string>();
  const statuses = new Map<number, number>();
  let outage503 = 0;
  let outage503WithoutRetryAfter = 0;
  let stopIssuing = false;
  let restartDoneAt = 0;
  let firstAckAfterRestart = 0;
  const unexpected: string[] = [];

  const client = async (index: number) => {
    for (let n = 0; !stopIssuing; n += 1) {
      const key = `fault-a-${runId}-${index}-${n}`;
      const description = `故障测试 ${key}`;
      const giveUpAt = Date.now() + 60_000;
      for (;;) {
        const answer = await postNeed(server.url, cookie, key, description);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status === 201 && answer.body.id) {
          acknowledged.set(key, answer.body.id);
          if (restartDoneAt > 0 && firstAckAfterRestart === 0) {
            firstAckAfterRestart = Date.now();
          }
          break;
        }
        if (answer.status === 503) {
          outage503 += 1;
          if (!answer.retryAfter) {
            outage503WithoutRetryAfter += 1;
          }
        } else if (answer.status !== 0 && answer.status !== 409) {
          unexpected.push(`${answer.status} ${"body" in answer ? (answer.body.code ?? "") : ""}`);
        }
        if (!server.alive() || Date.now() > giveUpAt) {
          return;
        }
        await sleep(150);
      }
    }
  };
  const clients = Array.from({ length: 8 }, (_, index) => client(index));
  await sleep(2_000);
  const before = acknowledged.size;
  log(`${before} writes acknowledged; restarting the cluster (pg_ctl restart -m fast)`);
  const restartStarted = Date.now();
  const restarted = pgCommand("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "postgres.log"), "-m", "fast", "-w", "restart"]);
  check(restarted.code === 0, `pg_ctl restart failed: ${restarted.out}`);
  restartDoneAt = Date.now();
  log(`cluster back after ${((restartDoneAt - restartStarted) / 1000).toFixed(1)} s`);
  await sleep(4_000);
  stopIssuing = true;
  await Promise.all(clients);

  check(server.alive(), `the server process died:\n${server.output().slice(-3000)}`);
  const health = await fetch(`${server.url}/api/v1/health`);
  check(health.status === 200, `health after the restart: ${health.status}`);
  const verify = new pg.Client({ connectionString: databaseUrl });
  await verify.connect();
  const { rows } = await verify.query<{ id: string; description: string }>("SELECT id, description FROM needs WHERE description LIKE $1", [
    `故障测试 fault-a-${runId}-%`,
  ]);
  await verify.end();
  const descriptions = new Set(rows.map((row) => row.description));
  const duplicates = rows.length - descriptions.size;
  const lost = [...acknowledged.entries()].filter(
    ([key, id]) => !rows.some((row) => row.id === id && row.description === `故障测试 ${key}`),
  );
  const backAfter = firstAckAfterRestart > 0 ? (firstAckAfterRestart - restartDoneAt) / 1000 : Number.POSITIVE_INFINITY;
  const summary =
    `${acknowledged.size} acknowledged, ${rows.length} rows, ${lost.length} lost, ${duplicates} duplicated, ` +
    `${outage503} × 503 during the outage, writes back ${backAfter.toFixed(1)} s after the cluster; statuses ${JSON.stringify(Object.fromEntries(statuses))}`;
  log(summary);
  check(unexpected.length === 0, `unexpected answers: ${unexpected.slice(0, 5).join(", ")}`);
  check(lost.length === 0 && rows.length === acknowledged.size, `acknowledged writes ≠ rows: ${summary}`);
  check(duplicates === 0, `duplicates: ${summary}`);
  check(outage503 > 0, `no 503 was seen while the database was away: ${summary}`);
  check(outage503WithoutRetryAfter === 0, `${outage503WithoutRetryAfter} answers of 503 without Retry-After`);
  check(backAfter <= 10, `writes were not back within 10 s of the cluster: ${summary}`);
  return summary;
}

/** b. SIGKILL during an import, then `sanshe import resume`: the imports CLI test, as it is. */
async function importKill(): Promise<Result> {
  const name = "b. SIGKILL during an import, then resume";
  const started = Date.now();
  const report = path.join(mkdtempSync(path.join(os.tmpdir(), "sanshe-fault-cli-")), "report.json");
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const outcome = await run(
    "npx",
    [
      "vitest",
      "run",
      "apps/server/src/modules/imports/cli.db.test.ts",
      "-t",
      "killed import",
      "--reporter=dot",
      "--reporter=json",
      `--outputFile=${report}`,
    ],
    { cwd: root, env, timeout: 330_000, maxBuffer: 32 * mb },
  ).then(
    () => "",
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ""}${error.stderr ?? ""}`,
  );
  const seconds = (Date.now() - started) / 1000;
  type Assertion = { title: string; status: string; failureMessages: string[] };
  let assertions: Assertion[] = [];
  try {
    const json = JSON.parse(readFileSync(report, "utf8")) as { testResults: Array<{ assertionResults: Assertion[] }> };
    assertions = json.testResults.flatMap((file) => file.assertionResults);
  } catch {
    // no report: the fault fails below with the output
  }
  rmSync(path.dirname(report), { recursive: true, force: true });
  const assertion = assertions.find((a) => /killed import/.test(a.title));
  if (!assertion) {
    return { name, ok: false, detail: `test not run within ${seconds.toFixed(0)} s:\n${outcome.slice(-2000)}`, seconds };
  }
  const ok = assertion.status === "passed";
  return { name, ok, detail: ok ? assertion.title : (assertion.failureMessages[0] ?? "failed").slice(0, 2000), seconds };
}

/** d. A second process on the data directory of a running server is refused with a clear message. */
async function secondProcess(dataDir: string): Promise<string> {
  const second = await run(process.execPath, [bin, "migrate"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "warn", SANSHE_DATA_DIR: dataDir, DATABASE_URL: "" },
    timeout: 60_000,
  }).then(
    (done) => ({ code: 0, out: `${done.stdout}${done.stderr}` }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? -1,
      out: `${error.stdout ?? ""}${error.stderr ?? ""}`,
    }),
  );
  check(second.code === 1, `a second process on the directory exited ${second.code}:\n${second.out.slice(-1000)}`);
  const message = /Another Sanshe process \(pid \d+\) is using the data directory[^\n]*/.exec(second.out)?.[0];
  check(message !== undefined, `no clear refusal:\n${second.out.slice(-1000)}`);
  return `exit 1: ${message?.slice(0, 110) ?? ""}…`;
}

/** c. PGlite on a nearly full small file system: 507 STORAGE_FULL fast, reads work, writes return by themselves. */
async function fullDisk(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sanshe-fault-disk-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const seedDir = path.join(dir, "seed");
  log("loading the demo world into a PGlite directory");
  await run(process.execPath, [bin, "seed", "--demo"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "warn", SANSHE_DATA_DIR: seedDir, DATABASE_URL: "" },
    timeout: 150_000,
    maxBuffer: 32 * mb,
  });
  const used = Number(spawnSync("du", ["-sm", seedDir], { encoding: "utf8" }).stdout.split(/\s/)[0]);
  const thresholdMb = 8;
  const mount = path.join(dir, "fs");
  mkdirSync(mount);
  // Room for the directory, its growth while the server starts and the threshold, and no more.
  const size = used + 48;
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}m`, "tmpfs", mount], { encoding: "utf8" });
  const simulated = mounted.status !== 0;
  const freeFile = path.join(dir, "free-mb");
  if (simulated) {
    log(`mount is not allowed here (${(mounted.stderr ?? "").trim()}): simulating the free-space reading instead`);
    writeFileSync(freeFile, "1000");
  } else {
    cleanups.push(() => {
      spawnSync("umount", ["-l", mount]);
    });
    log(`tmpfs of ${size} MB at ${mount}`);
  }
  const dataDir = path.join(mount, "pglite");
  spawnSync("cp", ["-a", seedDir, dataDir]);
  rmSync(seedDir, { recursive: true, force: true });
  const server = await startServer(
    {
      DATABASE_URL: "",
      SANSHE_DATA_DIR: dataDir,
      SANSHE_WRITE_MIN_FREE_MB: String(thresholdMb),
      ...(simulated ? { SANSHE_FAULT_FREE_MB_FILE: freeFile } : {}),
    },
    120_000,
  );
  const cookie = await signIn(server.url, "demo-resident");
  const write = (key: string) => postNeed(server.url, cookie, key, `磁盘故障 ${key}`);
  const first = await write(`fault-c-${Date.now()}-before`);
  check(first.status === 201, `a write before the disk filled: ${first.status}`);
  await fault("d. second process on one PGlite directory", 60, () => secondProcess(dataDir), false);

  // Fill the file system until less than the threshold is left.
  const ballast = path.join(mount, "ballast");
  const freeMb = () => (simulated ? Number(readFileSync(freeFile, "utf8")) : (statfsSync(mount).bavail * statfsSync(mount).bsize) / mb);
  if (simulated) {
    writeFileSync(freeFile, "2");
  } else {
    const fill = Math.max(0, Math.floor(freeMb() - 2));
    spawnSync("dd", ["if=/dev/zero", `of=${ballast}`, "bs=1M", `count=${fill}`], { encoding: "utf8" });
  }
  log(`${freeMb().toFixed(1)} MB left (threshold ${thresholdMb} MB)`);
  await sleep(1_100); // the guard re-reads at most once a second
  const key = `fault-c-${Date.now()}-full`;
  const startedAt = Date.now();
  const refused = await write(key);
  const refusedMs = Date.now() - startedAt;
  check(
    refused.status === 507 && "body" in refused && refused.body.code === "STORAGE_FULL",
    `a write on the full disk: ${refused.status} ${JSON.stringify(refused)}`,
  );
  check(refusedMs < 1_000, `the refusal took ${refusedMs} ms`);
  const read = await fetch(`${server.url}/api/v1/needs?limit=5`, { headers: { cookie } });
  check(read.status === 200, `a read on the full disk: ${read.status}`);
  const health = await fetch(`${server.url}/api/v1/health`);
  check(health.status === 200, `health on the full disk: ${health.status}`);

  if (simulated) {
    writeFileSync(freeFile, "1000");
  } else {
    rmSync(ballast, { force: true });
  }
  const freedAt = Date.now();
  let recovered: Answer | null = null;
  while (Date.now() - freedAt < 10_000) {
    recovered = await write(key);
    if (recovered.status === 201) {
      break;
    }
    await sleep(250);
  }
  check(recovered?.status === 201, `writes did not come back within 10 s of freeing space: ${recovered?.status}`);
  check(server.alive(), "the server process died");
  await server.stop();
  const verb = simulated ? "SIMULATED free-space reading (mount not allowed)" : `tmpfs ${size} MB`;
  return `${verb}: 507 STORAGE_FULL in ${refusedMs} ms, reads 200, writes back ${((Date.now() - freedAt) / 1000).toFixed(1)} s after space was freed`;
}

// Stopped from outside (the CI step's timeout): stop the cluster and the servers, unmount, then exit.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    process.stdout.write(`\n${signal}: cleaning up\n`);
    void (async () => {
      while (cleanups.length > 0) {
        await Promise.resolve(cleanups.pop()?.()).catch(() => undefined);
      }
      process.exit(1);
    })();
  });
}

// FAULTS_ONLY=a,c runs some of them (to reproduce one fault against older code); c includes d.
const only = new Set((process.env.FAULTS_ONLY ?? "a,b,c").split(",").map((letter) => letter.trim()));
const suiteStarted = Date.now();
// The import test runs beside the others: it waits on its own child processes most of the time.
const imports = only.has("b") ? importKill() : null;
if (only.has("a")) {
  await fault("a. PostgreSQL restart during keyed writes", 150, postgresRestart);
}
if (only.has("c")) {
  await fault("c. full small file system under PGlite", 150, fullDisk);
}
if (imports) {
  results.push(await imports);
}
results.sort((left, right) => left.name.localeCompare(right.name));

process.stdout.write("\n=== fault suite summary\n");
for (const result of results) {
  process.stdout.write(`${result.ok ? "PASS" : "FAIL"} ${result.name} (${result.seconds.toFixed(0)} s): ${result.detail}\n`);
}
const failed = results.filter((result) => !result.ok).length;
process.stdout.write(
  `${results.length - failed} faults survived, ${failed} failed (${((Date.now() - suiteStarted) / 1000).toFixed(0)} s)\n`,
);
process.exit(failed > 0 ? 1 : 0);
