/**
 * `npm run bench [-- --scale small|district --duration 10 --connections 10]`: starts the real server
 * (buildApp, 127.0.0.1, a random port) on the storage of DATABASE_URL / SANSHE_DATA_DIR loaded by
 * `npm run bench:data`, and drives it over loopback with autocannon in a worker thread, each scenario
 * bounded in time. Every figure is set beside two ceilings measured in the same run: a bare Fastify
 * route and a raw primary-key SQL query. Writes bench/results/<date>-<storage>-<scale>.{json,md}.
 */
import { parseArgs } from "node:util";
import os from "node:os";
import path from "node:path";
import { mkdirSync, writeFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import Fastify from "fastify";
import { buildApp } from "../apps/server/src/app.js";
import { loadConfig } from "../apps/server/src/platform/config.js";
import { openDatabase, type Database } from "../apps/server/src/platform/db/client.js";
import { migrateDatabase } from "../apps/server/src/platform/db/migrate.js";
import { signIn as signInAs } from "./session.mjs";

const say = (line: string) => void process.stdout.write(`${line}\n`);
const fail = (line: string) => void process.stderr.write(`${line}\n`);

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "small" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const scale = values.scale ?? "small";

const config = loadConfig({ ...process.env, LOG_LEVEL: "silent", NODE_ENV: process.env.NODE_ENV ?? "development" });
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  statementTimeoutMs: config.statementTimeoutMs,
});
await migrateDatabase(database);

type Row = Record<string, unknown>;
async function rows<T extends Row>(db: Database, text: string, params: unknown[] = []): Promise<T[]> {
  if (db.pool) {
    return (await db.pool.query<T>(text, params)).rows;
  }
  if (db.pglite) {
    return (await db.pglite.query<T>(text, params)).rows;
  }
  throw new Error("no storage handle");
}

const [{ count: residentCount = 0 } = {}] = await rows<{ count: number }>(database, "SELECT count(*)::int AS count FROM residents");
if (residentCount < 5_000) {
  fail(`Only ${residentCount} residents: load a world first with npm run bench:data -- --scale ${scale}`);
  await database.close();
  process.exit(2);
}
const postgresVersion = (await rows<{ v: string }>(database, "SELECT current_setting('server_version') AS v"))[0]?.v ?? "?";

const app = await buildApp({ config, database, logger: false });
await app.listen({ host: "127.0.0.1", port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

const bare = Fastify();
bare.get("/", async () => ({ ok: true }));
await bare.listen({ host: "127.0.0.1", port: 0 });
const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

const signIn = (login: string) => signInAs(base, login, config.demoPassword);
const community = await signIn("demo-community");
const district = await signIn("demo-district");
// Officials read residents at street level and below (permissions.ts), so resident lists go through the street.
const street = await signIn("demo-street");

async function getJson<T>(url: string, cookie: string): Promise<T> {
  const response = await fetch(`${base}${url}`, { headers: { cookie } });
  if (response.status !== 200) {
    throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as T;
}

// Ids in scope of the signed-in reader.
const residentIds = (
  await rows<{ id: string }>(database, "SELECT id FROM residents WHERE area_code = '410105007002' ORDER BY id LIMIT 200")
).map((row) => row.id);
const orgIds = (
  await rows<{ id: string }>(database, "SELECT id FROM social_orgs WHERE area_code LIKE '410105%' ORDER BY id LIMIT 200")
).map((row) => row.id);
const areaCodes = (
  await rows<{ code: string }>(database, "SELECT code FROM areas WHERE code LIKE '410105%' AND level = 'community' ORDER BY code LIMIT 200")
).map((row) => row.code);
const needIds = (await rows<{ id: string }>(database, "SELECT id FROM needs WHERE area_code = '410105007002' ORDER BY id LIMIT 200")).map(
  (row) => row.id,
);
const city = await signIn("demo-city");
// A deep page: walk 50 pages of the street's resident list and keep that cursor.
let deepCursor: string | null = null;
for (let page = 0; page < 50; page += 1) {
  const body: { next_cursor: string | null } = await getJson(
    `/api/v1/residents?limit=50${deepCursor ? `&cursor=${encodeURIComponent(deepCursor)}` : ""}`,
    street,
  );
  if (!body.next_cursor) {
    break;
  }
  deepCursor = body.next_cursor;
}
if (!deepCursor) {
  throw new Error("the resident list has a single page");
}
// The same for the street's needs (newest first, merged branches: ADR 0012), 20 pages deep.
let deepNeedsCursor: string | null = null;
for (let page = 0; page < 20; page += 1) {
  const body: { next_cursor: string | null } = await getJson(
    `/api/v1/needs?limit=50${deepNeedsCursor ? `&cursor=${encodeURIComponent(deepNeedsCursor)}` : ""}`,
    street,
  );
  if (!body.next_cursor) {
    break;
  }
  deepNeedsCursor = body.next_cursor;
}

type Load = {
  durationSeconds: number;
  total: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Record<string, number>;
  times: number[];
};
type DriveOptions = { method?: "GET" | "POST"; bodies?: string[]; connections?: number; duration?: number };
function drive(url: string, paths: string[], cookie?: string, options: DriveOptions = {}): Promise<Load> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), {
      workerData: {
        url,
        paths,
        headers: cookie ? { cookie } : {},
        connections: options.connections ?? connections,
        duration: options.duration ?? duration,
        method: options.method ?? "GET",
        bodies: options.bodies,
      },
    });
    worker.once("message", (message: Load) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

type Result = {
  name: string;
  request: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
  queriesPerRequest: number | null;
  ratioToBare: number | null;
  ratioToSql: number | null;
  note?: string;
};
const results: Result[] = [];
const summarize = (name: string, request: string, load: Load, queriesPerRequest: number | null): Result => {
  const sorted = [...load.times].sort((a, b) => a - b);
  return {
    name,
    request,
    rps: load.times.length / load.durationSeconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: load.errors + load.timeouts + load.non2xx,
    requests: load.total,
    queriesPerRequest,
    ratioToBare: null,
    ratioToSql: null,
  };
};

say(
  `Sanshe bench: ${database.kind} ${postgresVersion}, ${residentCount} residents, ${duration} s × ${connections} connections per scenario`,
);

// Ceiling 1: a bare Fastify route in this process.
const bareResult = summarize("ceiling: bare Fastify route", "GET / → {ok:true}", await drive(bareBase, ["/"]), 0);
results.push(bareResult);
say(`  ${bareResult.name}: ${Math.round(bareResult.rps)}/s`);

// Ceiling 2: a raw primary-key query, `connections` concurrent loops for `duration` seconds.
const sqlTimes: number[] = [];
{
  const until = Date.now() + duration * 1000;
  let index = 0;
  const loop = async () => {
    while (Date.now() < until) {
      const id = residentIds[index % residentIds.length];
      index += 1;
      const start = performance.now();
      await rows(database, "SELECT id, area_code, name, id_number_masked FROM residents WHERE id = $1", [id]);
      sqlTimes.push(performance.now() - start);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, loop));
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...sqlTimes].sort((a, b) => a - b);
  results.push({
    name: "ceiling: raw primary-key SQL",
    request: "SELECT … FROM residents WHERE id = $1",
    rps: sqlTimes.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: 0,
    requests: sqlTimes.length,
    queriesPerRequest: 1,
    ratioToBare: null,
    ratioToSql: null,
  });
  say(`  ceiling: raw primary-key SQL: ${Math.round(sqlTimes.length / seconds)}/s`);
}
const sqlCeiling = results[1]?.rps ?? Number.NaN;

/** SQL statements the app sends for one warm request (the Drizzle counter's delta; the first request is a warm-up). */
async function queriesFor(url: string, cookie: string): Promise<number> {
  await getJson(url, cookie);
  const before = database.stats.queries;
  await getJson(url, cookie);
  return database.stats.queries - before;
}

const scenarios: Array<{ name: string; paths: string[]; cookie: string; detail?: boolean }> = [
  { name: "resident detail (community staff)", paths: residentIds.map((id) => `/api/v1/residents/${id}`), cookie: community, detail: true },
  { name: "organization detail (district)", paths: orgIds.map((id) => `/api/v1/social-orgs/${id}`), cookie: district, detail: true },
  { name: "area detail (district)", paths: areaCodes.map((code) => `/api/v1/areas/${code}`), cookie: district, detail: true },
  { name: "residents list, first page (street)", paths: ["/api/v1/residents?limit=50"], cookie: street },
  {
    name: "residents list, page 51 (street)",
    paths: [`/api/v1/residents?limit=50&cursor=${encodeURIComponent(deepCursor)}`],
    cookie: street,
  },
  { name: "areas children of 金水区 (district)", paths: ["/api/v1/areas?parent=410105"], cookie: district },
  { name: "need detail (community staff)", paths: needIds.map((id) => `/api/v1/needs/${id}`), cookie: community, detail: true },
  { name: "needs list, first page (street)", paths: ["/api/v1/needs?limit=50"], cookie: street },
  ...(deepNeedsCursor
    ? [
        {
          name: "needs list, page 21 (street)",
          paths: [`/api/v1/needs?limit=50&cursor=${encodeURIComponent(deepNeedsCursor)}`],
          cookie: street,
        },
      ]
    : []),
  { name: "needs list, first page (district)", paths: ["/api/v1/needs?limit=50"], cookie: district },
  { name: "needs list, first page (community staff)", paths: ["/api/v1/needs?limit=50"], cookie: community },
  { name: "referral inbox (community staff)", paths: ["/api/v1/referrals?inbox=1&limit=50"], cookie: community },
  { name: "referrals list, first page (street)", paths: ["/api/v1/referrals?limit=50"], cookie: street },
  { name: "needs dashboard, community (community staff)", paths: ["/api/v1/needs/dashboard?area=410105007002"], cookie: community },
  { name: "needs dashboard, street (street official)", paths: ["/api/v1/needs/dashboard?area=410105007"], cookie: street },
  { name: "needs dashboard, district (district official)", paths: ["/api/v1/needs/dashboard?area=410105"], cookie: district },
  { name: "needs dashboard, city (city official)", paths: ["/api/v1/needs/dashboard?area=4101"], cookie: city },
  // A reporting period reads month and day roll-up rows, and providers live (ADR 0011).
  {
    name: "needs dashboard, district, one quarter (district official)",
    paths: ["/api/v1/needs/dashboard?area=410105&from=2026-06-01&to=2026-08-31"],
    cookie: district,
  },
  { name: "residents search q=王 (street)", paths: [`/api/v1/residents?q=${encodeURIComponent("王")}`], cookie: street },
  { name: "organizations search q=养老 (district)", paths: [`/api/v1/social-orgs?q=${encodeURIComponent("养老")}`], cookie: district },
];

// Projects, OCDS and joint meetings (issue 7): the purchaser's lists and a contract, the public OCDS
// feed (no session), the street's meetings and the action items of a convener and of an owner.
{
  const contractIds = (
    await rows<{ id: string }>(database, "SELECT id FROM project_contracts WHERE area_code LIKE '410105%' ORDER BY id LIMIT 200")
  ).map((row) => row.id);
  if (contractIds.length === 0) {
    throw new Error("no contracts under 410105: load the world again with this version of npm run bench:data");
  }
  scenarios.push(
    { name: "calls list, first page (district)", paths: ["/api/v1/calls?limit=50"], cookie: district },
    { name: "contract detail (district)", paths: contractIds.map((id) => `/api/v1/contracts/${id}`), cookie: district, detail: true },
    { name: "funding ledger summary, district (district)", paths: ["/api/v1/funding-ledger/summary?area=410105"], cookie: district },
    { name: "OCDS release package, first page (public)", paths: ["/open/ocds/releases?limit=50"], cookie: "" },
    { name: "meetings list, first page (street)", paths: ["/api/v1/meetings?limit=50"], cookie: street },
    { name: "action items of a convener, first page (street)", paths: ["/api/v1/action-items?role=convener&limit=50"], cookie: street },
    { name: "action items of an owner, first page (community staff)", paths: ["/api/v1/action-items?limit=50"], cookie: community },
  );
}
for (const scenario of scenarios) {
  const first = scenario.paths[0] as string;
  const queries = await queriesFor(first, scenario.cookie);
  const result = summarize(
    scenario.name,
    `GET ${decodeURIComponent(first)
      .replace(/cursor=[^&]+/, "cursor=…")
      .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, "{id}")}`,
    await drive(base, scenario.paths, scenario.cookie),
    queries,
  );
  result.ratioToBare = result.rps / bareResult.rps;
  if (scenario.detail) {
    result.ratioToSql = result.rps / sqlCeiling;
  }
  results.push(result);
  say(`  ${result.name}: ${Math.round(result.rps)}/s, p95 ${result.p95.toFixed(1)} ms, ${result.errors} errors, ${queries} queries`);
}

// Need submission with routing: community staff record needs for residents (assisted intake), each
// POST with its own Idempotency-Key; routing, referral, history and audit happen in the request.
{
  const categories = ["elderly_care", "disability", "counseling", "sanitation", "repairs", "legal_aid"];
  const bodies = residentIds.map((id, index) =>
    JSON.stringify({
      resident_id: id,
      category: categories[index % categories.length],
      description: "压测：代居民登记的需求",
      urgency: "normal",
    }),
  );
  const before = database.stats.queries;
  const probe = await fetch(`${base}/api/v1/needs`, {
    method: "POST",
    headers: { cookie: community, "content-type": "application/json" },
    body: bodies[0],
  });
  const queries = database.stats.queries - before;
  if (probe.status !== 201 && probe.status !== 200) {
    fail(`  need submission probe: ${probe.status} ${await probe.text()}`);
  }
  const result = summarize(
    "need submission with routing (community staff)",
    "POST /api/v1/needs {resident_id, category, …}",
    await drive(base, ["/api/v1/needs"], community, { method: "POST", bodies }),
    queries,
  );
  result.ratioToBare = result.rps / bareResult.rps;
  results.push(result);
  say(`  ${result.name}: ${Math.round(result.rps)}/s, p99 ${result.p99.toFixed(1)} ms, ${result.errors} errors, ${queries} queries`);
}

// The masked export, end to end, with the server's RSS (same process) before, at peak and after.
const exportRun = await (async () => {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 25);
  const queriesBefore = database.stats.queries;
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/exports/residents?format=csv`, { headers: { cookie: street } });
  let bytes = 0;
  let lines = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
    if (chunk.done) {
      break;
    }
    const value = chunk.value as Uint8Array;
    bytes += value.length;
    for (const byte of value) {
      if (byte === 10) {
        lines += 1;
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const rssAfter = process.memoryUsage().rss;
  return {
    status: response.status,
    rows: Math.max(lines - 1, 0),
    bytes,
    seconds,
    queries: database.stats.queries - queriesBefore,
    rssBeforeMb: rssBefore / 1048576,
    rssPeakMb: rssPeak / 1048576,
    rssAfterMb: rssAfter / 1048576,
  };
})();
results.push({
  name: "masked export, CSV (street)",
  request: "GET /api/v1/exports/residents?format=csv",
  rps: 1 / exportRun.seconds,
  p50: exportRun.seconds * 1000,
  p95: exportRun.seconds * 1000,
  p99: exportRun.seconds * 1000,
  errors: exportRun.status === 200 ? 0 : 1,
  requests: 1,
  queriesPerRequest: exportRun.queries,
  ratioToBare: null,
  ratioToSql: null,
  note: `${exportRun.rows} rows, ${(exportRun.bytes / 1048576).toFixed(1)} MB in ${exportRun.seconds.toFixed(2)} s; RSS ${exportRun.rssBeforeMb.toFixed(0)} → peak ${exportRun.rssPeakMb.toFixed(0)} → ${exportRun.rssAfterMb.toFixed(0)} MB`,
});
say(`  export: ${results.at(-1)?.note}`);

// Overload: five times the connections on a mix of reads for the same bounded time, then the time
// until the server answers normally again once the load stops.
{
  const mixed = [
    ...residentIds.slice(0, 50).map((id) => `/api/v1/residents/${id}`),
    "/api/v1/residents?limit=50",
    `/api/v1/residents?q=${encodeURIComponent("王")}`,
    "/api/v1/areas?parent=410105",
  ];
  const load = await drive(base, mixed, street, { connections: connections * 5 });
  const result = summarize(`overload: ${connections * 5} connections, mixed reads (street)`, "GET mixed", load, null);
  result.ratioToBare = result.rps / bareResult.rps;
  const stopped = performance.now();
  let recoverySeconds = Number.NaN;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const response = await fetch(`${base}/api/v1/residents?limit=50`, { headers: { cookie: street } });
    await response.arrayBuffer();
    if (response.status === 200) {
      recoverySeconds = (performance.now() - stopped) / 1000;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const shed = load.statuses["503"] ?? 0;
  result.note = `${shed} answered 503 + Retry-After, ${load.timeouts} timeouts; normal answers again after ${recoverySeconds.toFixed(1)} s`;
  results.push(result);
  say(`  ${result.name}: ${Math.round(result.rps)}/s, p99 ${result.p99.toFixed(1)} ms; ${result.note}`);
}

await app.close();
await bare.close();
await database.close();

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? "?",
  totalMemoryGb: Math.round((os.totalmem() / 1073741824) * 10) / 10,
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  storage: database.kind,
  postgres: postgresVersion,
};
const date = new Date().toISOString().slice(0, 10);
const fixed = (value: number | null, digits = 1) => (value === null || Number.isNaN(value) ? "" : value.toFixed(digits));
const table = [
  "| Scenario | Request | req/s | p50 ms | p95 ms | p99 ms | errors | SQL/req | ÷ bare | ÷ SQL |",
  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...results.map(
    (r) =>
      `| ${r.name} | \`${r.request}\` | ${fixed(r.rps, r.rps < 10 ? 2 : 0)} | ${fixed(r.p50)} | ${fixed(r.p95)} | ${fixed(r.p99)} | ${r.errors} | ${r.queriesPerRequest ?? ""} | ${r.ratioToBare === null ? "" : `${(r.ratioToBare * 100).toFixed(1)}%`} | ${r.ratioToSql === null ? "" : `${(r.ratioToSql * 100).toFixed(1)}%`} |`,
  ),
].join("\n");
const markdown = `# Sanshe benchmark, ${date}, ${database.kind}, ${scale}

Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.totalMemoryGb} GB, ${machine.os}; Node ${machine.node}; ${database.kind === "postgres" ? `PostgreSQL ${postgresVersion}` : `PGlite (PostgreSQL ${postgresVersion})`}.
Data: ${residentCount.toLocaleString("en")} residents. Load: autocannon in a worker thread, ${connections} connections, ${duration} s per scenario, loopback; the server runs in the bench process.

${table}

Export: ${exportRun.rows.toLocaleString("en")} rows, ${(exportRun.bytes / 1048576).toFixed(1)} MB in ${exportRun.seconds.toFixed(2)} s; server RSS ${exportRun.rssBeforeMb.toFixed(0)} MB before, ${exportRun.rssPeakMb.toFixed(0)} MB at peak, ${exportRun.rssAfterMb.toFixed(0)} MB after.

÷ bare: requests/s as a share of the bare Fastify route's; ÷ SQL: as a share of the raw primary-key query's ops/s (detail reads). SQL/req: statements the app sent for one request of the scenario.
`;
const outDir = path.join(import.meta.dirname, "results");
mkdirSync(outDir, { recursive: true });
const stem = path.join(outDir, `${date}-${database.kind === "postgres" ? "postgres" : "pglite"}-${scale}`);
writeFileSync(
  `${stem}.json`,
  `${JSON.stringify({ date, scale, residents: residentCount, connections, durationSeconds: duration, machine, results, export: exportRun }, null, 2)}\n`,
);
writeFileSync(`${stem}.md`, markdown);
say(`\n${table}\n\nwrote ${path.relative(process.cwd(), stem)}.{json,md}`);
