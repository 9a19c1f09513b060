// Proves the module-boundary rules bite: cruises lint-fixtures/ with the project's .dependency-cruiser.cjs
// and fails unless every fixture whose first line is `// expect: <rule>` gets that rule's error, and no
// other fixture file gets any error. Run by `npm run lint:fixtures` (CI: "lint rules bite (fixtures)").
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixtureRoot = join(root, "lint-fixtures");

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

let output;
try {
  output = execFileSync(
    join(root, "node_modules", ".bin", "depcruise"),
    ["lint-fixtures", "--config", ".dependency-cruiser.cjs", "--output-type", "json"],
    {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
} catch (error) {
  // depcruise exits non-zero when it finds errors, which is the point here.
  output = error.stdout;
  if (!output) {
    console.error(error.stderr || String(error));
    process.exit(2);
  }
}
const violations = JSON.parse(output).summary.violations;

/** Rules broken by each file: the importing file, and every file of a reported cycle. */
const rulesByFile = new Map();
for (const violation of violations) {
  const files = [violation.from, ...(violation.cycle ?? []).map((step) => step.name)];
  for (const file of files) {
    const rules = rulesByFile.get(file) ?? new Set();
    rules.add(violation.rule.name);
    rulesByFile.set(file, rules);
  }
}

let failures = 0;
let fixtures = 0;
let bitten = 0;
for (const file of filesUnder(fixtureRoot)) {
  const name = relative(root, file).split("\\").join("/");
  const expected = /^\/\/ expect: ([a-z-]+)/.exec(readFileSync(file, "utf8"))?.[1];
  const got = [...(rulesByFile.get(name) ?? [])];
  if (expected) {
    fixtures += 1;
    if (got.includes(expected)) {
      bitten += 1;
      console.log(`ok   ${name}: ${expected}`);
    } else {
      failures += 1;
      console.log(`FAIL ${name}: expected ${expected}, got ${got.length ? got.join(", ") : "no error"}`);
    }
  } else if (got.length) {
    failures += 1;
    console.log(`FAIL ${name}: a clean fixture file, got ${got.join(", ")}`);
  }
}
console.log(`${bitten} of ${fixtures} fixtures broke their rule${failures ? `; ${failures} problem(s)` : ""}`);
process.exit(failures === 0 && fixtures > 0 ? 0 : 1);
