import { and, eq, gt, ne, sql } from "drizzle-orm";
import type { ResidentAccount, ResidentLinkSet, ResidentOwnLink, ResidentSelfLink } from "@sanshe/contracts";
import { memberships } from "../../platform/auth/index.js";
import { withTx, type ActorCtx } from "../../platform/ctx.js";
import { AppError, forbidden, notFound } from "../../platform/errors/app-error.js";
import { inScope } from "../../platform/scope/index.js";
import { getOwnResidentLink, getResidentAccount, residentCommunitiesOf } from "./accounts-queries.js";
import { comparableName, selfLinkAttemptsPerHour } from "./policy.js";
import { getResidentRow, idNumberIndex, phoneIndex } from "./queries.js";
import { residentAccounts, residentLinkAttempts, residents } from "./schema.js";

/** Communities of the account's resident memberships inside the staff's residents.write scope. */
async function accountCommunitiesInScope(tx: ActorCtx, userId: string): Promise<string[]> {
  const rows = await tx.db
    .select({ areaCode: memberships.areaCode })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.role, "resident"),
        inScope(memberships.areaCode, tx.actor.scope("residents.write")),
      ),
    );
  return rows.map((row) => row.areaCode);
}

/**
 * PUT /resident-accounts/{user_id}/link: community staff link a resident account of their scope to
 * its resident record (replacing an earlier link). The record must lie in a community of the
 * account's resident membership and not be linked to another account. Audited.
 *
 * @throws AppError NOT_FOUND when the account or the record is outside the caller's residents.write scope.
 * @throws AppError RESIDENT_LINK_INVALID (reason community | linked_elsewhere)
 */
export async function setResidentLink(ctx: ActorCtx, userId: string, input: ResidentLinkSet): Promise<ResidentAccount> {
  await withTx(ctx, async (tx) => {
    const communities = await accountCommunitiesInScope(tx, userId);
    if (communities.length === 0) {
      throw notFound();
    }
    // The lock on the record serializes links to it (one account per record).
    const resident = await getResidentRow(tx, input.resident_id, "residents.write", { forUpdate: true });
    if (!communities.includes(resident.areaCode)) {
      throw new AppError("RESIDENT_LINK_INVALID", { reason: "community" });
    }
    const [other] = await tx.db
      .select({ userId: residentAccounts.userId })
      .from(residentAccounts)
      .where(and(eq(residentAccounts.residentId, resident.id), ne(residentAccounts.userId, userId)));
    if (other) {
      throw new AppError("RESIDENT_LINK_INVALID", { reason: "linked_elsewhere" });
    }
    const [previous] = await tx.db
      .select({ residentId: residentAccounts.residentId })
      .from(residentAccounts)
      .where(eq(residentAccounts.userId, userId))
      .for("update");
    const values = { residentId: resident.id, method: "staff" as const, linkedBy: tx.actor.userId, linkedAt: tx.now() };
    await tx.db
      .insert(residentAccounts)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: residentAccounts.userId, set: values });
    await tx.audit.record("residents.account.link", {
      entityType: "resident",
      entityId: resident.id,
      areaCode: resident.areaCode,
      detail: { user_id: userId, method: "staff", previous_resident_id: previous?.residentId ?? null },
    });
  });
  return getResidentAccount(ctx, userId);
}

/**
 * DELETE /resident-accounts/{user_id}/link: community staff remove a resident account's link. Audited.
 * @throws AppError NOT_FOUND when the account is outside the scope or not linked.
 */
export async function removeResidentLink(ctx: ActorCtx, userId: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    if ((await accountCommunitiesInScope(tx, userId)).length === 0) {
      throw notFound();
    }
    const [removed] = await tx.db
      .delete(residentAccounts)
      .where(eq(residentAccounts.userId, userId))
      .returning({ residentId: residentAccounts.residentId });
    if (!removed) {
      throw notFound();
    }
    const [resident] = await tx.db.select({ areaCode: residents.areaCode }).from(residents).where(eq(residents.id, removed.residentId));
    await tx.audit.record("residents.account.unlink", {
      entityType: "resident",
      entityId: removed.residentId,
      areaCode: resident?.areaCode ?? "",
      detail: { user_id: userId },
    });
  });
}

/**
 * POST /me/resident-link: a resident links their own account by proving who they are. Name, ID number
 * and phone must all match one record of a community of their resident membership (looked up by the
 * blind indexes; nothing is decrypted), and that record must not be linked to another account. Every
 * refusal is the same RESIDENT_LINK_NO_MATCH, so an answer tells nothing about who is registered;
 * attempts (whatever their outcome) are limited per account and hour, and every attempt is audited
 * (never the values typed).
 *
 * @throws AppError FORBIDDEN without a resident membership; RESIDENT_LINK_EXISTS when already linked;
 *   RESIDENT_LINK_RATE_LIMITED after too many attempts; RESIDENT_LINK_NO_MATCH.
 */
export async function linkOwnResident(ctx: ActorCtx, input: ResidentSelfLink): Promise<ResidentOwnLink> {
  const userId = ctx.actor.userId;
  const communities = residentCommunitiesOf(ctx.actor);
  if (communities.length === 0) {
    throw forbidden();
  }
  const [linked] = await ctx.db
    .select({ residentId: residentAccounts.residentId })
    .from(residentAccounts)
    .where(eq(residentAccounts.userId, userId));
  if (linked) {
    throw new AppError("RESIDENT_LINK_EXISTS");
  }
  const now = ctx.now();
  // Counted after recording this attempt (committed on its own): parallel attempts all count.
  await ctx.db.insert(residentLinkAttempts).values({ userId, at: now });
  const [counted] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(residentLinkAttempts)
    .where(and(eq(residentLinkAttempts.userId, userId), gt(residentLinkAttempts.at, new Date(now.getTime() - 3_600_000))));
  const refuse = async (reason: string, outcome: "failure" | "denied", residentId?: string) => {
    await ctx.audit.record("residents.account.self_link", {
      entityType: "resident",
      entityId: residentId,
      areaCode: communities[0] ?? "",
      outcome,
      detail: { user_id: userId, reason },
    });
  };
  if (Number(counted?.n ?? 0) > selfLinkAttemptsPerHour) {
    await refuse("rate_limited", "denied");
    throw new AppError("RESIDENT_LINK_RATE_LIMITED");
  }
  const [candidate] = await ctx.db
    .select({
      id: residents.id,
      name: residents.name,
      areaCode: residents.areaCode,
      phoneBidx: residents.phoneBidx,
      linkedUserId: residentAccounts.userId,
    })
    .from(residents)
    .leftJoin(residentAccounts, eq(residentAccounts.residentId, residents.id))
    .where(and(eq(residents.idNumberBidx, idNumberIndex(input.id_number)), inScope(residents.areaCode, communities)));
  const matches =
    candidate !== undefined &&
    communities.includes(candidate.areaCode) &&
    candidate.phoneBidx !== null &&
    candidate.phoneBidx === phoneIndex(input.phone) &&
    comparableName(candidate.name) === comparableName(input.name);
  if (!candidate || !matches) {
    await refuse("no_match", "failure");
    throw new AppError("RESIDENT_LINK_NO_MATCH");
  }
  if (candidate.linkedUserId !== null) {
    // Someone else's record: the same answer; the audit row lets the community follow it up.
    await refuse("linked_elsewhere", "failure", candidate.id);
    throw new AppError("RESIDENT_LINK_NO_MATCH");
  }
  const inserted = await withTx(ctx, async (tx) => {
    const rows = await tx.db
      .insert(residentAccounts)
      .values({ userId, residentId: candidate.id, method: "self", linkedBy: userId, linkedAt: now })
      .onConflictDoNothing()
      .returning({ userId: residentAccounts.userId });
    if (rows.length > 0) {
      await tx.audit.record("residents.account.link", {
        entityType: "resident",
        entityId: candidate.id,
        areaCode: candidate.areaCode,
        detail: { user_id: userId, method: "self" },
      });
    }
    return rows.length > 0;
  });
  if (!inserted) {
    // Linked meanwhile by a parallel request (this account or another).
    await refuse("linked_elsewhere", "failure", candidate.id);
    throw new AppError("RESIDENT_LINK_NO_MATCH");
  }
  const link = await getOwnResidentLink(ctx, userId);
  if (!link) {
    throw new AppError("RESIDENT_LINK_NO_MATCH");
  }
  return link;
}
