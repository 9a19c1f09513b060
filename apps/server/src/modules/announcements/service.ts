import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import {
  MAX_ANNOUNCEMENT_FILES,
  type AnnouncementAttachment,
  type AnnouncementCreate,
  type AnnouncementDetail,
  type AnnouncementFileType,
  type AnnouncementUpdate,
} from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../platform/ctx.js";
import { AppError, notFound, versionConflict } from "../../platform/errors/app-error.js";
import { ancestorOf, inScope } from "../../platform/scope/index.js";
import { richTextToPlain, sanitizeRichText } from "../../platform/rich-text/sanitize.js";
import { memberships, users } from "../../platform/auth/index.js";
import { readUpload, storedFile } from "../../platform/files/attachments.js";
import { areaExists } from "../jurisdictions/index.js";
import { notify } from "../notifications/index.js";
import { getAnnouncement } from "./queries.js";
import { presentAttachment } from "./present.js";
import { announcementAttachments, announcementRecipients, announcements } from "./schema.js";

/** Sanitized body, refused when nothing visible is left. */
function cleanBody(html: string): string {
  const body = sanitizeRichText(html);
  if (richTextToPlain(body) === "") {
    throw new AppError("ANNOUNCEMENT_BODY_EMPTY");
  }
  return body;
}

/**
 * Publishes an announcement (发布通知公告) to an area in the actor's announcements.publish scope. The
 * recipients are computed in SQL from memberships: everyone whose membership lies under the area, and
 * members of organizations whose membership covers it (an agency serving the district serves the
 * street); active accounts only, the sender excepted; narrowed to the audience's roles or
 * organizations when given (either matches). Residents receive it only when the audience names the
 * role `resident`: a circular to an area is for its staff (issue 17). Each gets a read receipt row and an in-app
 * notification; all in one transaction with the audit record. @throws NOT_FOUND for an area out of scope.
 */
export async function publishAnnouncement(ctx: ActorCtx, input: AnnouncementCreate): Promise<AnnouncementDetail> {
  const bodyHtml = cleanBody(input.body_html);
  const prefixes = ctx.actor.scope("announcements.publish");
  if (!prefixes.some((prefix) => input.area_code.startsWith(prefix)) || !(await areaExists(ctx, input.area_code))) {
    throw notFound();
  }
  const id = await withTx(ctx, async (tx) => {
    const now = tx.now();
    const [row] = await tx.db
      .insert(announcements)
      .values({
        areaCode: input.area_code,
        title: input.title,
        bodyHtml,
        audienceRoles: [...new Set(input.audience.roles)],
        audienceOrgIds: [...new Set(input.audience.organization_ids)],
        pinned: input.pinned,
        expiresAt: input.expires_at ? new Date(input.expires_at) : null,
        publishedAt: now,
        publishedBy: tx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: announcements.id });
    const announcementId = (row as { id: string }).id;
    const recipients = await insertRecipients(tx, announcementId, input);
    await notify(tx, {
      recipients,
      areaCode: input.area_code,
      kind: "announcement",
      title: input.title,
      body: richTextToPlain(bodyHtml).slice(0, 200),
      link: `/announcements/${announcementId}`,
    });
    await tx.audit.record("announcements.publish", {
      entityType: "announcement",
      entityId: announcementId,
      areaCode: input.area_code,
      detail: { recipients: recipients.length, roles: input.audience.roles, organizations: input.audience.organization_ids.length },
    });
    return announcementId;
  });
  return getAnnouncement(ctx, id);
}

/** One INSERT … SELECT: distinct active members under the area matching the audience; returns their ids. */
async function insertRecipients(ctx: ActorCtx, announcementId: string, input: AnnouncementCreate): Promise<string[]> {
  const { roles, organization_ids: orgs } = input.audience;
  const audience = or(
    roles.length > 0 ? inArray(memberships.role, roles) : undefined,
    orgs.length > 0 ? inArray(memberships.organizationId, orgs) : undefined,
  );
  const residentsNamed = roles.includes("resident") ? undefined : ne(memberships.role, "resident");
  const rows = await ctx.db
    .insert(announcementRecipients)
    .select(
      ctx.db
        .selectDistinct({
          announcementId: sql<string>`${announcementId}::uuid`.as("announcement_id"),
          userId: memberships.userId,
          areaCode: sql<string>`${input.area_code}`.as("area_code"),
          readAt: sql<Date | null>`null::timestamptz`.as("read_at"),
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            or(
              inScope(memberships.areaCode, [input.area_code]),
              sql`(${memberships.organizationId} IS NOT NULL AND ${ancestorOf(memberships.areaCode, input.area_code)})`,
            ),
            eq(users.status, "active"),
            ne(memberships.userId, ctx.actor.userId),
            audience,
            residentsNamed,
          ),
        ),
    )
    .returning({ userId: announcementRecipients.userId });
  return rows.map((row) => row.userId);
}

/** The announcement row if the actor may manage it (publish scope over its area), locked. */
async function managedForUpdate(ctx: ActorCtx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(announcements)
    .where(and(eq(announcements.id, id), inScope(announcements.areaCode, ctx.actor.scope("announcements.publish"))))
    .for("update");
  if (!row) {
    throw notFound();
  }
  return row;
}

/** Edits title, body, pinned or expiry (no re-notification). @throws NOT_FOUND, VERSION_CONFLICT. */
export async function updateAnnouncement(ctx: ActorCtx, id: string, input: AnnouncementUpdate): Promise<AnnouncementDetail> {
  const bodyHtml = input.body_html === undefined ? undefined : cleanBody(input.body_html);
  await withTx(ctx, async (tx) => {
    const row = await managedForUpdate(tx, id);
    if (row.version !== input.version) {
      throw versionConflict(await getAnnouncement(tx, id));
    }
    await tx.db
      .update(announcements)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(bodyHtml !== undefined ? { bodyHtml } : {}),
        ...(input.pinned !== undefined ? { pinned: input.pinned } : {}),
        ...(input.expires_at !== undefined ? { expiresAt: input.expires_at ? new Date(input.expires_at) : null } : {}),
        version: row.version + 1,
        updatedAt: tx.now(),
      })
      .where(eq(announcements.id, id));
    await tx.audit.record("announcements.update", {
      entityType: "announcement",
      entityId: id,
      areaCode: row.areaCode,
      detail: { fields: Object.keys(input).filter((key) => key !== "version") },
    });
  });
  return getAnnouncement(ctx, id);
}

/** The types an announcement attachment may have (decided from the bytes). */
const acceptedTypes = ["application/pdf", "image/jpeg", "image/png", "image/webp"] as const satisfies readonly AnnouncementFileType[];

const extensions: Record<AnnouncementFileType, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

/**
 * Attaches a file to an announcement the actor manages. The type comes from the bytes; the name is
 * made by the server (附件-N.ext), never taken from the client. @throws NOT_FOUND,
 * ANNOUNCEMENT_FILE_TYPE_REFUSED, ANNOUNCEMENT_FILE_LIMIT_REACHED.
 */
export async function addAnnouncementAttachment(ctx: ActorCtx, id: string, body: unknown): Promise<AnnouncementAttachment> {
  const upload = readUpload(body, acceptedTypes);
  return withTx(ctx, async (tx) => {
    const announcement = await managedForUpdate(tx, id);
    if (!upload) {
      throw new AppError("ANNOUNCEMENT_FILE_TYPE_REFUSED");
    }
    const [count] = await tx.db
      .select({ count: sql<number>`count(*)::int` })
      .from(announcementAttachments)
      .where(and(eq(announcementAttachments.areaCode, announcement.areaCode), eq(announcementAttachments.announcementId, id)));
    const existing = Number(count?.count ?? 0);
    if (existing >= MAX_ANNOUNCEMENT_FILES) {
      throw new AppError("ANNOUNCEMENT_FILE_LIMIT_REACHED", { max: MAX_ANNOUNCEMENT_FILES });
    }
    const [row] = await tx.db
      .insert(announcementAttachments)
      .values({
        areaCode: announcement.areaCode,
        announcementId: id,
        fileName: `附件-${existing + 1}.${extensions[upload.contentType]}`,
        ...storedFile(upload),
        createdBy: tx.actor.userId,
        createdAt: tx.now(),
      })
      .returning();
    const attachment = row as typeof announcementAttachments.$inferSelect;
    await tx.audit.record("announcements.attachment_add", {
      entityType: "announcement",
      entityId: id,
      areaCode: announcement.areaCode,
      detail: { attachment: attachment.id, content_type: upload.contentType, size_bytes: upload.sizeBytes, sha256: upload.sha256 },
    });
    return presentAttachment(attachment);
  });
}

/** Opens an announcement: the actor's read receipt is set the first time (one UPDATE), then the detail. @throws NOT_FOUND. */
export async function openAnnouncement(ctx: ActorCtx, id: string): Promise<AnnouncementDetail> {
  await ctx.db
    .update(announcementRecipients)
    .set({ readAt: ctx.now() })
    .where(
      and(
        eq(announcementRecipients.announcementId, id),
        eq(announcementRecipients.userId, ctx.actor.userId),
        isNull(announcementRecipients.readAt),
      ),
    );
  return getAnnouncement(ctx, id);
}
