import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Role } from "@sanshe/contracts";
import type { Ctx } from "../../../platform/ctx.js";
import { memberships } from "../../../platform/auth/index.js";
import { buildUser } from "../../users/test/factories.js";
import { adminTaskOccurrences, adminTasks, adminTaskTargets, adminTaskRefusals } from "../schema.js";

/** Builders for the admin-tasks tables in db tests: rows straight into the tables, no use case. */

const system = "00000000-0000-0000-0000-000000000000";

/** A user holding one membership written straight into the table (roles whose grant checks need other modules' records). */
export async function buildMember(
  ctx: Ctx,
  role: Role,
  areaCode: string,
  organizationId: string | null = null,
): Promise<{ id: string; login: string }> {
  // Built as a resident of a community, then the membership is turned into the one wanted.
  const user = await buildUser(ctx, [{ role: "resident", area_code: "410105007002" }]);
  await ctx.db.update(memberships).set({ role, areaCode, organizationId }).where(eq(memberships.userId, user.id));
  return user;
}

export { buildDepartment } from "./factories.js";

type TaskInput = {
  departmentId: string;
  areaCode?: string;
  title?: string;
  kind: (typeof adminTasks.$inferInsert)["kind"];
  hours: number;
  fundingFen: number;
  startsOn: string;
  endsOn: string;
  status?: (typeof adminTasks.$inferInsert)["status"];
  catalogItemId?: string | null;
  targets?: Array<{ areaCode: string; takenBackAt?: Date }>;
};

/** An administrative task (admitted unless said otherwise) with its targets. */
export async function buildTask(ctx: Ctx, input: TaskInput): Promise<string> {
  const status = input.status ?? "admitted";
  const [row] = await ctx.db
    .insert(adminTasks)
    .values({
      areaCode: input.areaCode ?? "410105",
      departmentId: input.departmentId,
      catalogItemId: input.catalogItemId ?? null,
      title: input.title ?? `测试事务 ${randomUUID().slice(0, 8)}`,
      legalBasis: "测试依据",
      kind: input.kind,
      frequency: "monthly",
      hoursPerOccurrence: input.hours,
      fundingFenPerCommunity: input.fundingFen,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      status,
      submittedAt: new Date(`${input.startsOn}T00:00:00+08:00`),
      decisionDueOn: input.startsOn,
      unfundedException: status === "admitted" && input.fundingFen === 0 ? "测试：无经费例外" : null,
      createdBy: system,
    })
    .returning({ id: adminTasks.id });
  const taskId = (row as { id: string }).id;
  for (const target of input.targets ?? []) {
    await ctx.db.insert(adminTaskTargets).values({
      taskId,
      areaCode: target.areaCode,
      status: target.takenBackAt ? "taken_back" : "active",
      takenBackAt: target.takenBackAt ?? null,
      assigneeKind: target.takenBackAt ? "street_office" : null,
      assigneeName: target.takenBackAt ? "街道党政办" : null,
    });
  }
  return taskId;
}

export async function buildOccurrence(
  ctx: Ctx,
  taskId: string,
  areaCode: string,
  dueOn: string,
  options: { status?: "open" | "done" | "cancelled"; loggedMinutes?: number } = {},
): Promise<void> {
  await ctx.db.insert(adminTaskOccurrences).values({
    taskId,
    areaCode,
    dueOn,
    status: options.status ?? (options.loggedMinutes === undefined ? "open" : "done"),
    loggedMinutes: options.loggedMinutes ?? null,
  });
}

export async function buildRefusal(
  ctx: Ctx,
  input: { areaCode: string; departmentId: string; taskId?: string; createdAt: Date },
): Promise<void> {
  await ctx.db.insert(adminTaskRefusals).values({
    areaCode: input.areaCode,
    departmentId: input.departmentId,
    taskId: input.taskId ?? null,
    title: "未准入的事务",
    kind: "report",
    receivedOn: input.createdAt.toISOString().slice(0, 10),
    refusedBy: system,
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
  });
}
