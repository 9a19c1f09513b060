import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { actorColumns, actorFromRows, type Actor } from "./actor.js";
import { memberships, sessions, users } from "./schema.js";

export type SessionPolicy = {
  /** A session unused this long ends (idle timeout). */
  idleMs: number;
  /** A session ends this long after sign-in whatever its use. */
  absoluteMs: number;
};

const touchEveryMs = 60_000;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(
  db: Db,
  userId: string,
  policy: SessionPolicy,
  now: Date,
  meta: { ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + policy.absoluteMs),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 256) ?? null,
  });
  return token;
}

/**
 * The actor of a live session, or null when it is unknown, idle too long, past its end, or its user
 * is not active. The session, the user and the memberships come back in one statement (it runs on
 * every request); expired sessions are deleted on sight and last use is written at most once a minute.
 */
export async function resolveSessionActor(db: Db, token: string, policy: SessionPolicy, now: Date): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const rows = await db
    .select({ ...actorColumns, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(sessions.tokenHash, tokenHash));
  const session = rows[0];
  if (!session) {
    return null;
  }
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (idleSince > policy.idleMs || session.expiresAt.getTime() <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (idleSince > touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  return actorFromRows(rows);
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Ends every session of a user (password reset, disabling). */
export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Removes sessions past their absolute end. */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(and(lt(sessions.expiresAt, now)));
}
