import type { Case, CaseCreate, CaseStatus } from "@sanshe/contracts";
import type { as } from "../../../../test/test-app.js";

/** Builders for case files in tests, over HTTP as a signed-in social worker. */

type Client = ReturnType<typeof as>;

function expectStatus(response: { statusCode: number; body: string }, status: number, what: string): void {
  if (response.statusCode !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.statusCode} ${response.body}`);
  }
}

/** A plausible intake assessment (medium risk). */
export const caseIntake = {
  presenting_problem: "独居老人，近期跌倒",
  needs: "居家安全",
  risks: "再次跌倒",
  risk_level: "medium",
} as const satisfies Omit<CaseCreate, "resident_id">;

/**
 * Opens a case for a resident as `worker` (POST /api/v1/cases; a social worker with a worker record
 * whose scope covers the resident), with {@link caseIntake} unless overridden. @throws unless 201.
 */
export async function openCase(
  worker: Client,
  residentId: string,
  overrides: Partial<Omit<CaseCreate, "resident_id">> = {},
): Promise<Case> {
  const response = await worker.post("/api/v1/cases", { resident_id: residentId, ...caseIntake, ...overrides });
  expectStatus(response, 201, "POST /api/v1/cases");
  return response.json<Case>();
}

/** Moves a case the worker owns through the given stages with PATCH (sending each copy's version); returns the last copy. */
export async function advanceCase(worker: Client, current: Case, ...steps: CaseStatus[]): Promise<Case> {
  let copy = current;
  for (const status of steps) {
    const response = await worker.patch(`/api/v1/cases/${copy.id}`, { version: copy.version, data: { status } });
    expectStatus(response, 200, `PATCH /api/v1/cases/${copy.id}`);
    copy = response.json<Case>();
  }
  return copy;
}
