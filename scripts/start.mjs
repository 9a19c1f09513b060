// `npm start`: builds the web console when it is missing or older than its sources, then serves
// everything from one process (API under /api, console at /). Configuration: see README.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const web = path.join(root, "apps/web");
const built = path.join(web, "dist/index.html");

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const sources = Math.max(
  newest(path.join(web, "src")),
  statSync(path.join(web, "index.html")).mtimeMs,
  newest(path.join(root, "packages/contracts/src")),
);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  process.stdout.write("Building the web console (first start or changed sources)…\n");
  const build = spawnSync("npm", ["run", "build", "--workspace", "@sanshe/web"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    process.exit(build.status ?? 1);
  }
}

const server = spawn(process.execPath, [path.join(root, "apps/server/bin/sanshe.mjs"), "serve"], { cwd: root, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code) => process.exit(code ?? 0));
