/**
 * `npx tsx bench/dashboard-latency.mts [-- --runs 10 --submissions 200]`: single-request latencies of
 * the needs dashboard (issue 7, ADR 0011) on the storage of DATABASE_URL loaded by `npm run bench:data`.
 * The once-a-minute cache of district and city boards is off here: this times their computation.
 * The machine running the benchmarks is shared, so this times one request at a time (median and
 * maximum of `runs` after one warm-up) rather than throughput: community, street, district and city,
 * with no period, a quarter and a year; then `submissions` need submissions one after another (the
 * cost the dashboard roll-up triggers add to a write). The submissions stay in the database.
 */
import { parseArgs } from "node:util";
import { buildApp } from "../apps/server/src/app.js";
import { loadConfig } from "../apps/server/src/platform/config.js";
import { openDatabase } from "../apps/server/src/platform/db/client.js";
import { migrateDatabase } from "../apps/server/src/platform/db/migrate.js";
import { signIn as signInAs } from "./session.mjs";

const say = (line: string) => void process.stdout.write(`${line}\n`);
const { values } = parseArgs({
  options: { runs: { type: "string", default: "10" }, submissions: { type: "string", default: "200" } },
});
const runs = Number(values.runs);
const submissions = Number(values.submissions);

// The computation itself: no once-a-minute cache (ADR 0011).
const config = loadConfig({
  ...process.env,
  LOG_LEVEL: "silent",
  NODE_ENV: process.env.NODE_ENV ?? "development",
  SANSHE_DASHBOARD_CACHE_SECONDS: "0",
});
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, statementTimeoutMs: 120_000 });
await migrateDatabase(database);
const app = await buildApp({ config, database, logger: false });
await app.listen({ host: "127.0.0.1", port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

const signIn = (login: string) => signInAs(base, login, config.demoPassword);

const median = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

async function time(url: string, cookie: string, init: RequestInit = {}): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}${url}`, { ...init, headers: { cookie, "content-type": "application/json", ...init.headers } });
  await response.arrayBuffer();
  if (response.status >= 300) {
    throw new Error(`${init.method ?? "GET"} ${url}: ${response.status}`);
  }
  return performance.now() - started;
}

const logins = { community: "demo-community", street: "demo-street", district: "demo-district", city: "demo-city" } as const;
const areasOf = { community: "410105007002", street: "410105007", district: "410105", city: "4101" } as const;
const periods = { none: "", quarter: "&from=2026-06-01&to=2026-08-31", year: "&from=2025-12-01&to=2026-11-30" } as const;

say(`| level | period | median ms | max ms | SQL/req |`);
say(`| --- | --- | ---: | ---: | ---: |`);
for (const level of ["community", "street", "district", "city"] as const) {
  const cookie = await signIn(logins[level]);
  for (const [period, query] of Object.entries(periods)) {
    const url = `/api/v1/needs/dashboard?area=${areasOf[level]}${query}`;
    const before = database.stats.queries;
    await time(url, cookie);
    const statements = database.stats.queries - before;
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      times.push(await time(url, cookie));
    }
    say(`| ${level} | ${period} | ${median(times).toFixed(1)} | ${Math.max(...times).toFixed(1)} | ${statements} |`);
  }
}

if (submissions > 0) {
  const cookie = await signIn("demo-community");
  const residents = await database.pool?.query<{ id: string }>(
    "SELECT id FROM residents WHERE area_code = '410105007002' ORDER BY id LIMIT $1",
    [submissions],
  );
  const categories = ["elderly_care", "disability", "counseling", "sanitation", "repairs", "legal_aid"];
  const times: number[] = [];
  for (const [index, resident] of (residents?.rows ?? []).entries()) {
    const body = JSON.stringify({
      resident_id: resident.id,
      category: categories[index % categories.length],
      description: "压测：代居民登记的需求",
      urgency: "normal",
    });
    times.push(await time("/api/v1/needs", cookie, { method: "POST", body, headers: { "idempotency-key": crypto.randomUUID() } }));
  }
  say(
    `\nneed submission (POST /api/v1/needs, community staff, one at a time): ${times.length} requests, median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
  );
}

await app.close();
await database.close();
