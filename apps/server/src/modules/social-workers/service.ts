import { and, eq, ne, sql } from "drizzle-orm";
import type {
  SocialWorker,
  SocialWorkerCommunitiesSet,
  SocialWorkerCreate,
  SocialWorkerPost,
  SocialWorkerPostCreate,
  SocialWorkerTraining,
  SocialWorkerTrainingCreate,
  SocialWorkerUpdate,
} from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../platform/ctx.js";
import { memberships, users } from "../../platform/auth/index.js";
import { AppError, forbidden, notFound, versionConflict } from "../../platform/errors/app-error.js";
import { areaExists, getAreaNames } from "../jurisdictions/index.js";
import { getOrganizations } from "../social-orgs/index.js";
import { canEditWorker } from "./policy.js";
import { findVisibleWorker, getWorker, type WorkerOptions } from "./queries.js";
import { presentPost, presentTraining } from "./present.js";
import { socialWorkerCommunities, socialWorkerPosts, socialWorkers, socialWorkerTrainings } from "./schema.js";

type WorkerRow = typeof socialWorkers.$inferSelect;

/**
 * The account linked to a worker record decides whose referrals and cases a user handles, so it must
 * be a social-worker account of the worker's organization, not linked to another worker record (a
 * body naming any user id would otherwise hand one person's casework to another).
 * @throws AppError ACCOUNT_NOT_LINKABLE
 */
async function checkLinkableAccount(ctx: ActorCtx, userId: string, organizationId: string | null, selfId: string | null): Promise<void> {
  const [membership] = await ctx.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.role, "social_worker"),
        organizationId ? eq(memberships.organizationId, organizationId) : sql`false`,
      ),
    )
    .limit(1);
  const [other] = await ctx.db
    .select({ id: socialWorkers.id })
    .from(socialWorkers)
    .where(selfId ? and(eq(socialWorkers.userId, userId), ne(socialWorkers.id, selfId)) : eq(socialWorkers.userId, userId))
    .limit(1);
  if (!membership || other) {
    throw new AppError("ACCOUNT_NOT_LINKABLE");
  }
}

/** Checks the references of a worker: employer, home area, served communities, supervisor, linked account. */
async function checkReferences(
  ctx: ActorCtx,
  refs: {
    organizationId?: string | undefined;
    areaCode?: string | undefined;
    communityCodes?: readonly string[] | undefined;
    supervisorId?: string | null | undefined;
    userId?: string | null | undefined;
    /** The worker's organization after the change (the linked account must work for it). */
    accountOrganizationId?: string | undefined;
  },
  selfId: string | null,
): Promise<void> {
  if (refs.organizationId && !(await getOrganizations(ctx, [refs.organizationId])).has(refs.organizationId)) {
    throw new AppError("ORGANIZATION_UNKNOWN");
  }
  if (refs.areaCode && !(await areaExists(ctx, refs.areaCode))) {
    throw new AppError("AREA_UNKNOWN", { code: refs.areaCode });
  }
  if (refs.communityCodes?.length) {
    const names = await getAreaNames(ctx, refs.communityCodes);
    const unknown = refs.communityCodes.find((code) => !names.has(code));
    if (unknown) {
      throw new AppError("AREA_UNKNOWN", { code: unknown });
    }
  }
  if (refs.userId && (await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, refs.userId))).length === 0) {
    throw new AppError("ACCOUNT_UNKNOWN");
  }
  if (refs.userId) {
    await checkLinkableAccount(ctx, refs.userId, refs.accountOrganizationId ?? refs.organizationId ?? null, selfId);
  }
  if (refs.supervisorId) {
    if (refs.supervisorId === selfId) {
      throw new AppError("SUPERVISOR_SELF");
    }
    if (!(await findVisibleWorker(ctx, refs.supervisorId))) {
      throw new AppError("SUPERVISOR_UNKNOWN");
    }
  }
}

async function certificateTaken(ctx: ActorCtx, certificateNo: string, exceptId: string | null): Promise<boolean> {
  const rows = await ctx.db
    .select({ id: socialWorkers.id })
    .from(socialWorkers)
    .where(and(eq(socialWorkers.certificateNo, certificateNo), exceptId ? ne(socialWorkers.id, exceptId) : undefined));
  return rows.length > 0;
}

async function communityCodesOf(ctx: ActorCtx, id: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ code: socialWorkerCommunities.areaCode })
    .from(socialWorkerCommunities)
    .where(eq(socialWorkerCommunities.workerId, id));
  return rows.map((row) => row.code).sort();
}

/**
 * Loads a worker for a change, locked: 404 outside the read scope, 403 when the caller may read but
 * not edit it (street officials, community staff, org staff of another organization).
 */
async function lockForEdit(tx: ActorCtx, id: string): Promise<{ row: WorkerRow; communities: string[] }> {
  const row = await findVisibleWorker(tx, id, { forUpdate: true });
  if (!row) {
    throw notFound();
  }
  const communities = await communityCodesOf(tx, id);
  if (!canEditWorker(tx.actor.memberships, { areaCode: row.areaCode, organizationId: row.organizationId, communityCodes: communities })) {
    throw forbidden();
  }
  return { row, communities };
}

async function replaceCommunities(tx: ActorCtx, id: string, codes: readonly string[]): Promise<void> {
  await tx.db.delete(socialWorkerCommunities).where(eq(socialWorkerCommunities.workerId, id));
  const unique = [...new Set(codes)];
  if (unique.length > 0) {
    await tx.db.insert(socialWorkerCommunities).values(unique.map((areaCode) => ({ workerId: id, areaCode, createdAt: tx.now() })));
  }
}

/** Creates a worker inside the caller's transaction (shared by the API and the import). */
export async function insertWorker(tx: ActorCtx, input: SocialWorkerCreate): Promise<string> {
  const communities = [...new Set(input.community_codes ?? [])];
  if (
    !canEditWorker(tx.actor.memberships, { areaCode: input.area_code, organizationId: input.organization_id, communityCodes: communities })
  ) {
    throw forbidden();
  }
  await checkReferences(
    tx,
    {
      organizationId: input.organization_id,
      areaCode: input.area_code,
      communityCodes: communities,
      supervisorId: input.supervisor_id,
      userId: input.user_id,
      accountOrganizationId: input.organization_id,
    },
    null,
  );
  if (input.certificate_no && (await certificateTaken(tx, input.certificate_no, null))) {
    throw new AppError("SOCIAL_WORKER_EXISTS");
  }
  const [row] = await tx.db
    .insert(socialWorkers)
    .values({
      name: input.name,
      gender: input.gender ?? null,
      level: input.level,
      certificateNo: input.certificate_no ?? null,
      certificateYear: input.certificate_year ?? null,
      organizationId: input.organization_id,
      areaCode: input.area_code,
      supervisorId: input.supervisor_id ?? null,
      userId: input.user_id ?? null,
      createdAt: tx.now(),
      updatedAt: tx.now(),
    })
    .onConflictDoNothing()
    .returning({ id: socialWorkers.id });
  if (!row) {
    throw new AppError("SOCIAL_WORKER_EXISTS");
  }
  await replaceCommunities(tx, row.id, communities);
  await tx.audit.record("social_workers.create", {
    entityType: "social_worker",
    entityId: row.id,
    areaCode: input.area_code,
    detail: { level: input.level, organization_id: input.organization_id, communities: communities.length },
  });
  return row.id;
}

/**
 * Registers a social worker (社工登记).
 * @throws AppError FORBIDDEN, ORGANIZATION_UNKNOWN, AREA_UNKNOWN, SUPERVISOR_UNKNOWN, SOCIAL_WORKER_EXISTS (certificate number taken)
 */
export async function createWorker(ctx: ActorCtx, input: SocialWorkerCreate, options: WorkerOptions): Promise<SocialWorker> {
  return withTx(ctx, async (tx) => getWorker(tx, await insertWorker(tx, input), options));
}

/** Applies a change to a locked worker inside the caller's transaction; returns false when nothing changed. */
export async function changeWorker(
  tx: ActorCtx,
  locked: { row: WorkerRow; communities: string[] },
  data: SocialWorkerUpdate["data"],
  communities?: readonly string[],
): Promise<boolean> {
  const { row } = locked;
  const next = {
    name: data.name ?? row.name,
    gender: data.gender !== undefined ? data.gender : row.gender,
    level: data.level ?? row.level,
    certificateNo: data.certificate_no !== undefined ? data.certificate_no : row.certificateNo,
    certificateYear: data.certificate_year !== undefined ? data.certificate_year : row.certificateYear,
    organizationId: data.organization_id ?? row.organizationId,
    areaCode: data.area_code ?? row.areaCode,
    supervisorId: data.supervisor_id !== undefined ? data.supervisor_id : row.supervisorId,
    status: data.status ?? row.status,
    userId: data.user_id !== undefined ? data.user_id : row.userId,
  };
  const nextCommunities = communities ? [...new Set(communities)].sort() : locked.communities;
  const changedFields = (Object.keys(next) as Array<keyof typeof next>).filter((key) => next[key] !== row[key]);
  const communitiesChanged = nextCommunities.join(",") !== locked.communities.join(",");
  if (changedFields.length === 0 && !communitiesChanged) {
    return false;
  }
  // The edited worker must still be one the caller may edit (no moving it to another organization or district).
  if (
    !canEditWorker(tx.actor.memberships, { areaCode: next.areaCode, organizationId: next.organizationId, communityCodes: nextCommunities })
  ) {
    throw forbidden();
  }
  await checkReferences(
    tx,
    {
      organizationId: changedFields.includes("organizationId") ? next.organizationId : undefined,
      areaCode: changedFields.includes("areaCode") ? next.areaCode : undefined,
      communityCodes: communitiesChanged ? nextCommunities : undefined,
      supervisorId: changedFields.includes("supervisorId") ? next.supervisorId : undefined,
      userId: changedFields.includes("userId") ? next.userId : undefined,
      accountOrganizationId: next.organizationId,
    },
    row.id,
  );
  if (changedFields.includes("certificateNo") && next.certificateNo && (await certificateTaken(tx, next.certificateNo, row.id))) {
    throw new AppError("SOCIAL_WORKER_EXISTS");
  }
  await tx.db
    .update(socialWorkers)
    .set({ ...next, version: row.version + 1, updatedAt: tx.now() })
    .where(eq(socialWorkers.id, row.id));
  if (communitiesChanged) {
    await replaceCommunities(tx, row.id, nextCommunities);
  }
  await tx.audit.record("social_workers.update", {
    entityType: "social_worker",
    entityId: row.id,
    areaCode: next.areaCode,
    detail: { fields: changedFields, ...(communitiesChanged ? { communities: nextCommunities.length } : {}) },
  });
  return true;
}

export { lockForEdit };

/**
 * Changes a social worker (send the version you read).
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_CONFLICT (with the current copy), SUPERVISOR_SELF, SOCIAL_WORKER_EXISTS, …
 */
export async function updateWorker(ctx: ActorCtx, id: string, input: SocialWorkerUpdate, options: WorkerOptions): Promise<SocialWorker> {
  return withTx(ctx, async (tx) => {
    const locked = await lockForEdit(tx, id);
    if (locked.row.version !== input.version) {
      throw versionConflict(await getWorker(tx, id, options));
    }
    if (input.data.supervisor_id === id) {
      throw new AppError("SUPERVISOR_SELF");
    }
    await changeWorker(tx, locked, input.data);
    return getWorker(tx, id, options);
  });
}

/**
 * Replaces the set of communities a worker serves (send the version you read).
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_CONFLICT, AREA_UNKNOWN
 */
export async function setWorkerCommunities(
  ctx: ActorCtx,
  id: string,
  input: SocialWorkerCommunitiesSet,
  options: WorkerOptions,
): Promise<SocialWorker> {
  return withTx(ctx, async (tx) => {
    const locked = await lockForEdit(tx, id);
    if (locked.row.version !== input.version) {
      throw versionConflict(await getWorker(tx, id, options));
    }
    await changeWorker(tx, locked, {}, input.community_codes);
    return getWorker(tx, id, options);
  });
}

/**
 * Records a training (继续教育) for a worker.
 * @throws AppError NOT_FOUND, FORBIDDEN
 */
export async function addTraining(ctx: ActorCtx, id: string, input: SocialWorkerTrainingCreate): Promise<SocialWorkerTraining> {
  return withTx(ctx, async (tx) => {
    const { row } = await lockForEdit(tx, id);
    const [training] = await tx.db
      .insert(socialWorkerTrainings)
      .values({
        workerId: id,
        date: input.date,
        hours: String(input.hours),
        topic: input.topic,
        provider: input.provider ?? null,
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    if (!training) {
      throw new Error("training not inserted");
    }
    await tx.audit.record("social_workers.training.create", {
      entityType: "social_worker",
      entityId: id,
      areaCode: row.areaCode,
      detail: { training_id: training.id, date: input.date, hours: input.hours },
    });
    return presentTraining(training);
  });
}

/**
 * Records a post (岗位) held by a worker.
 * @throws AppError NOT_FOUND, FORBIDDEN, AREA_UNKNOWN
 */
export async function addPost(ctx: ActorCtx, id: string, input: SocialWorkerPostCreate): Promise<SocialWorkerPost> {
  return withTx(ctx, async (tx) => {
    const { row } = await lockForEdit(tx, id);
    if (!(await areaExists(tx, input.area_code))) {
      throw new AppError("AREA_UNKNOWN", { code: input.area_code });
    }
    const [post] = await tx.db
      .insert(socialWorkerPosts)
      .values({
        workerId: id,
        areaCode: input.area_code,
        kind: input.kind,
        title: input.title,
        fromDate: input.from_date,
        toDate: input.to_date ?? null,
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    if (!post) {
      throw new Error("post not inserted");
    }
    await tx.audit.record("social_workers.post.create", {
      entityType: "social_worker",
      entityId: id,
      areaCode: row.areaCode,
      detail: { post_id: post.id, kind: input.kind, area_code: input.area_code },
    });
    return presentPost(post);
  });
}
