import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PermissionSchema } from "@sanshe/contracts";
import { isRegisteredError } from "../platform/errors/catalog.js";
import { rolesHolding } from "../platform/auth/permissions.js";
import { assembleModules } from "../platform/module.js";
import { assembly, modules } from "./registry.js";

const sourceRoot = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(full);
    }
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("the module registry", () => {
  it("registers every error code the server throws (a code no manifest lists would answer 500)", () => {
    const thrown = new Set<string>();
    for (const file of sourceFiles(sourceRoot).filter((file) => !file.includes(`${path.sep}errors${path.sep}catalog.ts`))) {
      for (const match of readFileSync(file, "utf8").matchAll(/AppError\(\s*"([A-Z0-9_]+)"/g)) {
        thrown.add(match[1] ?? "");
      }
    }
    expect(thrown.size).toBeGreaterThan(100);
    expect([...thrown].filter((code) => !isRegisteredError(code))).toEqual([]);
  });

  it("gives every permission of the contract to at least one role, through exactly one module", () => {
    expect(PermissionSchema.options.filter((permission) => rolesHolding(permission).length === 0)).toEqual([]);
  });

  it("refuses a module listed twice", () => {
    expect(() => assembleModules([...modules, modules[0]!])).toThrow(/listed twice/);
  });

  it("runs escalations before deliveries and clean-ups last", () => {
    expect(assembly.jobs.map((job) => job.name)).toEqual([
      "needs escalate",
      "meetings escalate",
      "admin-tasks escalate",
      "leadership escalate",
      "notifications digest",
      "admin-tasks start",
      "imports purge",
    ]);
  });
});
