import { and, eq, sql } from "drizzle-orm";
import type { MembershipCreate, PasswordReset, User, UserCreate, UserUpdate } from "@sanshe/contracts";
import { withTx, type ActorCtx, type Ctx } from "../../platform/ctx.js";
import { memberships, users } from "../../platform/auth/index.js";
import { decoyHash, hashPassword, verifyPassword } from "../../platform/auth/password.js";
import { createSession, deleteUserSessions, type SessionPolicy } from "../../platform/auth/sessions.js";
import { AppError, notFound, versionConflict } from "../../platform/errors/app-error.js";
import { areaExists } from "../jurisdictions/index.js";
import { getOrganizations } from "../social-orgs/index.js";
import { getDepartments } from "../admin-tasks/index.js";
import { canGrant, membershipProblem } from "./policy.js";
import { getUser } from "./queries.js";

export type LockPolicy = { maxFailures: number; lockMs: number };

type UserRow = typeof users.$inferSelect;

/**
 * Signs in with login and password and starts a session. After `maxFailures` wrong passwords in a
 * row the account is locked for `lockMs`. Every attempt is audited (never the password).
 *
 * @throws AppError INVALID_CREDENTIALS for an unknown login, a wrong password, a disabled account, and
 *   while the account is locked (the same answer for all, so responses do not tell which logins exist).
 */
export async function signIn(
  ctx: Ctx,
  input: { login: string; password: string },
  policies: { session: SessionPolicy; lock: LockPolicy },
  meta: { userAgent: string | null },
): Promise<{ token: string; userId: string }> {
  const login = input.login.trim().toLowerCase();
  const now = ctx.now();
  const [user] = await ctx.db.select().from(users).where(eq(users.login, login));
  const failure = async (reason: string, userId: string | null, outcome: "failure" | "denied" = "failure") => {
    await ctx.audit
      .as(userId, login)
      .record("session.create", { entityType: "user", entityId: userId ?? undefined, outcome, detail: { login, reason } });
  };
  if (!user) {
    await verifyPassword(await decoyHash(), input.password);
    await failure("unknown_login", null);
    throw new AppError("INVALID_CREDENTIALS");
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) {
    // Same answer and about the same time as an unknown login, so a lock does not reveal that the
    // login exists (issue 14.10); the attempt is audited as denied.
    await verifyPassword(await decoyHash(), input.password);
    await failure("locked", user.id, "denied");
    throw new AppError("INVALID_CREDENTIALS");
  }
  const isValid = await verifyPassword(user.passwordHash, input.password);
  if (!isValid || user.status !== "active") {
    await withTx(ctx, async (tx) => {
      if (!isValid) {
        // Counted in one statement on the current row, so parallel wrong passwords all count.
        const locks = sql`${users.failedLogins} + 1 >= ${policies.lock.maxFailures}`;
        const until = new Date(now.getTime() + policies.lock.lockMs);
        await tx.db
          .update(users)
          .set({
            failedLogins: sql`CASE WHEN ${locks} THEN 0 ELSE ${users.failedLogins} + 1 END`,
            lockedUntil: sql`CASE WHEN ${locks} THEN ${until.toISOString()}::timestamptz ELSE ${users.lockedUntil} END`,
          })
          .where(eq(users.id, user.id));
      }
      await tx.audit.as(user.id, login).record("session.create", {
        entityType: "user",
        entityId: user.id,
        outcome: "failure",
        detail: { login, reason: isValid ? "disabled" : "wrong_password" },
      });
    });
    throw new AppError("INVALID_CREDENTIALS");
  }
  return withTx(ctx, async (tx) => {
    await tx.db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    const token = await createSession(tx.db, user.id, policies.session, now, { ip: ctx.ip, userAgent: meta.userAgent });
    await tx.audit.as(user.id, user.login).record("session.create", { entityType: "user", entityId: user.id, detail: { login } });
    return { token, userId: user.id };
  });
}

async function checkGrant(ctx: ActorCtx | Ctx, grant: MembershipCreate, adminScope: readonly string[] | null): Promise<void> {
  if (adminScope && !canGrant(adminScope, grant.area_code)) {
    throw new AppError("SCOPE_EXCEEDED");
  }
  if (!(await areaExists(ctx, grant.area_code))) {
    throw new AppError("AREA_UNKNOWN", { code: grant.area_code });
  }
  let organizationArea: string | null = null;
  if (grant.organization_id) {
    // A department account's organization is its government department, not a social organization.
    const lookup = grant.role === "department" ? getDepartments : getOrganizations;
    const organization = (await lookup(ctx, [grant.organization_id])).get(grant.organization_id);
    if (
      !organization ||
      (adminScope && !canGrant(adminScope, organization.area_code) && !organization.area_code.startsWith(grant.area_code))
    ) {
      throw new AppError("ORGANIZATION_UNKNOWN");
    }
    organizationArea = organization.area_code;
  }
  const problem = membershipProblem(grant, organizationArea);
  if (problem) {
    throw new AppError("MEMBERSHIP_INVALID", { reason: problem });
  }
}

async function insertUser(ctx: Ctx, input: UserCreate, grantedBy: string | null): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  const inserted = await ctx.db
    .insert(users)
    .values({ login: input.login, displayName: input.display_name, passwordHash, createdAt: ctx.now(), updatedAt: ctx.now() })
    .onConflictDoNothing({ target: users.login })
    .returning();
  const user = inserted[0];
  if (!user) {
    throw new AppError("LOGIN_TAKEN");
  }
  await ctx.db.insert(memberships).values(
    dedupe(input.memberships).map((grant) => ({
      userId: user.id,
      role: grant.role,
      areaCode: grant.area_code,
      organizationId: grant.organization_id ?? null,
      grantedBy,
      createdAt: ctx.now(),
    })),
  );
  return user;
}

function dedupe(grants: MembershipCreate[]): MembershipCreate[] {
  const seen = new Map<string, MembershipCreate>();
  for (const grant of grants) {
    seen.set(`${grant.role}|${grant.area_code}|${grant.organization_id ?? ""}`, grant);
  }
  return [...seen.values()];
}

/**
 * Creates an account with its memberships (administrator).
 * @throws AppError SCOPE_EXCEEDED, AREA_UNKNOWN, ORGANIZATION_UNKNOWN, MEMBERSHIP_INVALID, LOGIN_TAKEN
 */
export async function createUser(ctx: ActorCtx, input: UserCreate): Promise<User> {
  const scope = ctx.actor.scope("users.admin");
  for (const grant of input.memberships) {
    await checkGrant(ctx, grant, scope);
  }
  const created = await withTx(ctx, async (tx) => {
    const user = await insertUser(tx, input, ctx.actor.userId);
    await tx.audit.record("users.create", {
      entityType: "user",
      entityId: user.id,
      areaCode: input.memberships[0]?.area_code ?? "",
      detail: { login: user.login, memberships: input.memberships.map((grant) => `${grant.role}@${grant.area_code}`) },
    });
    return user;
  });
  return getUser(ctx, created.id);
}

/**
 * Creates an account from the command line or the demo seed, with no administrator above it.
 * Memberships are still checked against the registered areas and organizations.
 */
export async function createUserAsSystem(ctx: Ctx, input: UserCreate): Promise<string> {
  for (const grant of input.memberships) {
    await checkGrant(ctx, grant, null);
  }
  return withTx(ctx, async (tx) => {
    const user = await insertUser(tx, input, null);
    await tx.audit.record("users.create", {
      entityType: "user",
      entityId: user.id,
      areaCode: input.memberships[0]?.area_code ?? "",
      detail: { login: user.login, memberships: input.memberships.map((grant) => `${grant.role}@${grant.area_code}`), by: "system" },
    });
    return user.id;
  });
}

/** Loads the target for an administrative change: in scope, not oneself, every membership inside the scope. */
async function lockTarget(
  tx: ActorCtx,
  id: string,
  options: { allowSelf: boolean },
): Promise<{ user: UserRow; grants: Array<typeof memberships.$inferSelect> }> {
  await getUser(tx, id); // 404 outside scope
  if (!options.allowSelf && id === tx.actor.userId) {
    throw new AppError("SELF_MEMBERSHIP_EDIT");
  }
  const [user] = await tx.db.select().from(users).where(eq(users.id, id)).for("update");
  if (!user) {
    throw notFound();
  }
  const grants = await tx.db.select().from(memberships).where(eq(memberships.userId, id));
  return { user, grants };
}

function requireWhollyInScope(ctx: ActorCtx, grants: Array<{ areaCode: string }>): void {
  const scope = ctx.actor.scope("users.admin");
  if (!grants.every((grant) => canGrant(scope, grant.areaCode))) {
    throw new AppError("SCOPE_EXCEEDED");
  }
}

/**
 * Changes display name or status, with optimistic concurrency on `version`. Disabling ends sessions.
 * @throws AppError VERSION_CONFLICT (with the current copy), SELF_MEMBERSHIP_EDIT, SCOPE_EXCEEDED, NOT_FOUND
 */
export async function updateUser(ctx: ActorCtx, id: string, input: UserUpdate): Promise<User> {
  await withTx(ctx, async (tx) => {
    const changesStatus = input.data.status !== undefined;
    const { user, grants } = await lockTarget(tx, id, { allowSelf: !changesStatus });
    if (user.version !== input.version) {
      throw versionConflict(await getUser(tx, id));
    }
    requireWhollyInScope(tx, grants);
    await tx.db
      .update(users)
      .set({
        ...(input.data.display_name !== undefined ? { displayName: input.data.display_name } : {}),
        ...(input.data.status !== undefined ? { status: input.data.status } : {}),
        version: sql`${users.version} + 1`,
        updatedAt: ctx.now(),
      })
      .where(eq(users.id, id));
    if (input.data.status === "disabled") {
      await deleteUserSessions(tx.db, id);
    }
    await tx.audit.record("users.update", {
      entityType: "user",
      entityId: id,
      areaCode: grants[0]?.areaCode ?? "",
      detail: { fields: Object.keys(input.data), ...(input.data.status ? { status: input.data.status } : {}) },
    });
  });
  return getUser(ctx, id);
}

/**
 * Grants a role in an area (and organization) to a user.
 * @throws AppError SELF_MEMBERSHIP_EDIT, SCOPE_EXCEEDED, MEMBERSHIP_EXISTS, MEMBERSHIP_INVALID, AREA_UNKNOWN, NOT_FOUND
 */
export async function addMembership(ctx: ActorCtx, userId: string, grant: MembershipCreate): Promise<User> {
  await checkGrant(ctx, grant, ctx.actor.scope("users.admin"));
  await withTx(ctx, async (tx) => {
    await lockTarget(tx, userId, { allowSelf: false });
    const inserted = await tx.db
      .insert(memberships)
      .values({
        userId,
        role: grant.role,
        areaCode: grant.area_code,
        organizationId: grant.organization_id ?? null,
        grantedBy: ctx.actor.userId,
        createdAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (inserted.length === 0) {
      throw new AppError("MEMBERSHIP_EXISTS");
    }
    await tx.db
      .update(users)
      .set({ version: sql`${users.version} + 1`, updatedAt: ctx.now() })
      .where(eq(users.id, userId));
    await tx.audit.record("users.membership.add", {
      entityType: "user",
      entityId: userId,
      areaCode: grant.area_code,
      detail: {
        membership_id: inserted[0]?.id,
        role: grant.role,
        area_code: grant.area_code,
        organization_id: grant.organization_id ?? null,
      },
    });
  });
  return getUser(ctx, userId);
}

/**
 * Removes one membership; the last one cannot be removed (disable the account instead).
 * @throws AppError SELF_MEMBERSHIP_EDIT, SCOPE_EXCEEDED, MEMBERSHIP_INVALID, NOT_FOUND
 */
export async function removeMembership(ctx: ActorCtx, userId: string, membershipId: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const { grants } = await lockTarget(tx, userId, { allowSelf: false });
    const grant = grants.find((candidate) => candidate.id === membershipId);
    if (!grant) {
      throw notFound();
    }
    requireWhollyInScope(tx, [grant]);
    if (grants.length === 1) {
      throw new AppError("MEMBERSHIP_INVALID", {
        reason: "不能删除最后一个角色，请改为停用账号 / cannot remove the last membership; disable the account instead",
      });
    }
    await tx.db.delete(memberships).where(and(eq(memberships.id, membershipId), eq(memberships.userId, userId)));
    await tx.db
      .update(users)
      .set({ version: sql`${users.version} + 1`, updatedAt: ctx.now() })
      .where(eq(users.id, userId));
    await deleteUserSessions(tx.db, userId);
    await tx.audit.record("users.membership.remove", {
      entityType: "user",
      entityId: userId,
      areaCode: grant.areaCode,
      detail: { membership_id: membershipId, role: grant.role, area_code: grant.areaCode },
    });
  });
}

/**
 * Sets a new password for a user, unlocks the account and ends their sessions.
 * @throws AppError SELF_MEMBERSHIP_EDIT, SCOPE_EXCEEDED, NOT_FOUND
 */
export async function resetPassword(ctx: ActorCtx, userId: string, input: PasswordReset): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await withTx(ctx, async (tx) => {
    const { grants } = await lockTarget(tx, userId, { allowSelf: false });
    requireWhollyInScope(tx, grants);
    await tx.db
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, version: sql`${users.version} + 1`, updatedAt: ctx.now() })
      .where(eq(users.id, userId));
    await deleteUserSessions(tx.db, userId);
    await tx.audit.record("users.password.reset", { entityType: "user", entityId: userId, areaCode: grants[0]?.areaCode ?? "" });
  });
}
