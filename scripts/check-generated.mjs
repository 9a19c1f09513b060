// CI guard (CONVENTIONS C10, C11): the migrations must match the Drizzle schema and the committed
// OpenAPI document must match the routes. Regenerates both and fails if git sees a difference.
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8" });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
};

run("npx", ["drizzle-kit", "generate", "--name", "drift_check"]);
run("npx", ["tsx", "apps/server/src/main.ts", "openapi", "docs/api/openapi.json"]);
const changed = execFileSync("git", ["status", "--porcelain", "--", "db/migrations", "docs/api/openapi.json"], {
  cwd: root,
  encoding: "utf8",
}).trim();
if (changed) {
  process.stderr.write(
    `Generated files are out of date:\n${changed}\n` +
      "Run `npm run db:generate -- --name <change>` for schema changes and `npm run gen` for the OpenAPI document, review and commit them.\n",
  );
  process.exit(1);
}
process.stdout.write("migrations and OpenAPI document are up to date\n");
