import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { CalendarTokenCreated, CalendarTokenStatus } from "@sanshe/contracts";
import { withTx, type ActorCtx, type Ctx } from "../../platform/ctx.js";
import { notFound } from "../../platform/errors/app-error.js";
import { loadActor } from "../../platform/auth/actor.js";
import { renderCalendar } from "../../platform/ical/index.js";
import { areaExists, getAreaNames } from "../jurisdictions/index.js";
import { assembled } from "../../platform/module.js";
import { calendarTokens } from "./schema.js";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export async function getCalendarTokenStatus(ctx: ActorCtx): Promise<CalendarTokenStatus> {
  const [row] = await ctx.db
    .select({ createdAt: calendarTokens.createdAt })
    .from(calendarTokens)
    .where(eq(calendarTokens.userId, ctx.actor.userId));
  return { active: Boolean(row), created_at: row ? row.createdAt.toISOString() : null };
}

/** Makes a new secret for the actor's private feed (replacing any earlier one); shown once, stored hashed. */
export async function createCalendarToken(ctx: ActorCtx): Promise<CalendarTokenCreated> {
  const token = randomBytes(32).toString("base64url");
  const now = ctx.now();
  await withTx(ctx, async (tx) => {
    await tx.db
      .insert(calendarTokens)
      .values({ userId: tx.actor.userId, tokenHash: hashToken(token), createdAt: now })
      .onConflictDoUpdate({ target: calendarTokens.userId, set: { tokenHash: hashToken(token), createdAt: now } });
    await tx.audit.record("calendar.token_create", { entityType: "user", entityId: tx.actor.userId });
  });
  return { token, path: `/calendar/users/${token}.ics`, created_at: now.toISOString() };
}

/** Revokes the actor's private feed: its address stops working at once. */
export async function revokeCalendarToken(ctx: ActorCtx): Promise<void> {
  await withTx(ctx, async (tx) => {
    const removed = await tx.db
      .delete(calendarTokens)
      .where(eq(calendarTokens.userId, tx.actor.userId))
      .returning({ userId: calendarTokens.userId });
    if (removed.length > 0) {
      await tx.audit.record("calendar.token_revoke", { entityType: "user", entityId: tx.actor.userId });
    }
  });
}

/** The public feed of an area (no personal data). @throws NOT_FOUND for an unknown area. */
export async function areaFeed(ctx: Ctx, areaCode: string): Promise<string> {
  if (!(await areaExists(ctx, areaCode))) {
    throw notFound();
  }
  const [names, ...events] = await Promise.all([
    getAreaNames(ctx, [areaCode]),
    ...assembled().areaEventSources.map((source) => source(ctx, areaCode)),
  ]);
  return renderCalendar({ name: names.get(areaCode) ?? areaCode, stamp: ctx.now(), events: events.flat() });
}

/** The private feed behind a token, for its (active) user. @throws NOT_FOUND for an unknown or revoked token. */
export async function userFeed(ctx: Ctx, token: string): Promise<string> {
  if (!tokenPattern.test(token)) {
    throw notFound();
  }
  const [row] = await ctx.db
    .select({ userId: calendarTokens.userId })
    .from(calendarTokens)
    .where(eq(calendarTokens.tokenHash, hashToken(token)));
  const actor = row ? await loadActor(ctx.db, row.userId) : null;
  if (!actor) {
    throw notFound();
  }
  const actorCtx: ActorCtx = { ...ctx, actor };
  const events = await Promise.all(assembled().userEventSources.map((source) => source(actorCtx)));
  return renderCalendar({ name: `三社联动 · ${actor.displayName}`, stamp: ctx.now(), events: events.flat() });
}
