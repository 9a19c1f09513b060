import { aliasedTable, and, asc, desc, eq, gt, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type {
  AnnouncementAudienceOrgs,
  AnnouncementAudienceOrgsQuery,
  AnnouncementDetail,
  AnnouncementListQuery,
  AnnouncementPage,
  AnnouncementReceiptListQuery,
  AnnouncementReceiptPage,
  AnnouncementReceiptSort,
  AnnouncementSentPage,
  AnnouncementUnreadPage,
  PageQuery,
} from "@sanshe/contracts";
import type { ActorCtx } from "../../platform/ctx.js";
import { notFound } from "../../platform/errors/app-error.js";
import { ancestorOf, inScope } from "../../platform/scope/index.js";
import { memberships, users } from "../../platform/auth/index.js";
import { isInScope } from "../../platform/auth/permissions.js";
import { cursorCodec, cursorId, cursorInstant } from "../../platform/pagination/cursor.js";
import { pageOf } from "../../platform/pagination/page.js";
import { countCapped, sortedKeyset, type SortColumns } from "../../platform/pagination/sorted.js";
import { z } from "zod";
import { listOrganizationsAmong } from "../social-orgs/index.js";
import { areas } from "../jurisdictions/index.js";
import { announcementAttachments, announcementRecipients, announcements } from "./schema.js";
import { presentAnnouncement, presentAttachment } from "./present.js";

const publisher = aliasedTable(users, "publisher");

/** Opaque keyset cursors (the sort values of the last row); an unreadable one starts from the first page. */
const pinnedCursor = cursorCodec(z.tuple([z.string(), cursorInstant, cursorId]));
const publishedCursor = cursorCodec(z.tuple([cursorInstant, cursorId]));
const nameCursor = cursorCodec(z.tuple([z.string(), cursorId]));

/** Columns every announcement list selects: the row, its area's name, the sender's name. */
const listColumns = {
  announcement: announcements,
  areaName: areas.name,
  publishedByName: publisher.displayName,
};

/** The actor's receipt row for an announcement (joined), so `read_at` comes in the same query. */
const myReceipt = (ctx: ActorCtx) =>
  and(eq(announcementRecipients.announcementId, announcements.id), eq(announcementRecipients.userId, ctx.actor.userId));

/** Announcements the actor may manage: under their announcements.publish scope. */
export const managed = (ctx: ActorCtx): SQL => inScope(announcements.areaCode, ctx.actor.scope("announcements.publish"));

/**
 * One announcement the actor received or manages, with attachments; the sender's view adds the
 * recipient and read counts. Three queries. @throws NOT_FOUND otherwise.
 */
export async function getAnnouncement(ctx: ActorCtx, id: string): Promise<AnnouncementDetail> {
  const [row] = await ctx.db
    .select({
      ...listColumns,
      readAt: announcementRecipients.readAt,
      isRecipient: sql<boolean>`${announcementRecipients.userId} IS NOT NULL`,
      isManager: sql<boolean>`${managed(ctx)}`,
    })
    .from(announcements)
    .leftJoin(announcementRecipients, myReceipt(ctx))
    .leftJoin(areas, eq(areas.code, announcements.areaCode))
    .leftJoin(publisher, eq(publisher.id, announcements.publishedBy))
    .where(and(eq(announcements.id, id), or(sql`${announcementRecipients.userId} IS NOT NULL`, managed(ctx))));
  if (!row) {
    throw notFound();
  }
  const [files, counts] = await Promise.all([
    ctx.db
      .select({
        id: announcementAttachments.id,
        fileName: announcementAttachments.fileName,
        contentType: announcementAttachments.contentType,
        sizeBytes: announcementAttachments.sizeBytes,
        createdAt: announcementAttachments.createdAt,
      })
      .from(announcementAttachments)
      .where(and(eq(announcementAttachments.areaCode, row.announcement.areaCode), eq(announcementAttachments.announcementId, id)))
      .orderBy(asc(announcementAttachments.createdAt), asc(announcementAttachments.id)),
    row.isManager
      ? ctx.db
          .select({ recipients: sql<number>`count(*)::int`, read: sql<number>`count(${announcementRecipients.readAt})::int` })
          .from(announcementRecipients)
          .where(eq(announcementRecipients.announcementId, id))
      : Promise.resolve(null),
  ]);
  const count = counts?.[0];
  return {
    ...presentAnnouncement(row, row.readAt),
    attachments: files.map(presentAttachment),
    recipients: count ? Number(count.recipients) : null,
    read: count ? Number(count.read) : null,
  };
}

/**
 * The actor's announcements: unexpired, pinned first, then newest (keyset on pinned, published_at,
 * id), with the unread count. Two queries whatever the page size.
 */
export async function listMyAnnouncements(ctx: ActorCtx, query: AnnouncementListQuery): Promise<AnnouncementPage> {
  const now = ctx.now();
  const mine = and(
    eq(announcementRecipients.userId, ctx.actor.userId),
    or(isNull(announcements.expiresAt), gt(announcements.expiresAt, now)),
  ) as SQL;
  const conditions: SQL[] = [mine];
  if (query.unread === "1") {
    conditions.push(isNull(announcementRecipients.readAt));
  }
  const after = pinnedCursor.decode(query.cursor);
  if (after) {
    conditions.push(
      sql`(${announcements.pinned}::int, ${announcements.publishedAt}, ${announcements.id}) < (${after[0] === "1" ? 1 : 0}, ${after[1]}::timestamptz, ${after[2]}::uuid)`,
    );
  }
  const [rows, [unread]] = await Promise.all([
    ctx.db
      .select({ ...listColumns, readAt: announcementRecipients.readAt })
      .from(announcementRecipients)
      .innerJoin(announcements, eq(announcements.id, announcementRecipients.announcementId))
      .leftJoin(areas, eq(areas.code, announcements.areaCode))
      .leftJoin(publisher, eq(publisher.id, announcements.publishedBy))
      .where(and(...conditions))
      .orderBy(desc(sql`${announcements.pinned}::int`), desc(announcements.publishedAt), desc(announcements.id))
      .limit(query.limit + 1),
    ctx.db
      .select({ count: sql<number>`count(*)::int` })
      .from(announcementRecipients)
      .innerJoin(announcements, eq(announcements.id, announcementRecipients.announcementId))
      .where(and(mine, isNull(announcementRecipients.readAt))),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => presentAnnouncement(row, row.readAt)),
    next_cursor:
      rows.length > query.limit && last
        ? pinnedCursor.encode([last.announcement.pinned ? "1" : "0", last.announcement.publishedAt.toISOString(), last.announcement.id])
        : null,
    unread_count: Number(unread?.count ?? 0),
  };
}

/** Announcements the actor manages (sender's view, expired ones too), newest first, with recipient and read counts; one query. */
export async function listSentAnnouncements(ctx: ActorCtx, query: PageQuery): Promise<AnnouncementSentPage> {
  const conditions: SQL[] = [managed(ctx)];
  const after = publishedCursor.decode(query.cursor);
  if (after) {
    conditions.push(sql`(${announcements.publishedAt}, ${announcements.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  }
  const rows = await ctx.db
    .select({
      ...listColumns,
      recipients: sql<number>`(SELECT count(*)::int FROM ${announcementRecipients} r WHERE r.announcement_id = ${announcements.id})`,
      read: sql<number>`(SELECT count(r.read_at)::int FROM ${announcementRecipients} r WHERE r.announcement_id = ${announcements.id})`,
      readAt: announcementRecipients.readAt,
    })
    .from(announcements)
    .leftJoin(announcementRecipients, myReceipt(ctx))
    .leftJoin(areas, eq(areas.code, announcements.areaCode))
    .leftJoin(publisher, eq(publisher.id, announcements.publishedBy))
    .where(and(...conditions))
    .orderBy(desc(announcements.publishedAt), desc(announcements.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...presentAnnouncement(row, row.readAt), recipients: Number(row.recipients), read: Number(row.read) })),
    next_cursor:
      rows.length > query.limit && last
        ? publishedCursor.encode([last.announcement.publishedAt.toISOString(), last.announcement.id])
        : null,
  };
}

/** Recipients who have not opened a managed announcement: names only, by name (keyset). @throws NOT_FOUND. */
export async function listUnreadRecipients(ctx: ActorCtx, id: string, query: PageQuery): Promise<AnnouncementUnreadPage> {
  const [announcement] = await ctx.db
    .select({ id: announcements.id })
    .from(announcements)
    .where(and(eq(announcements.id, id), managed(ctx)));
  if (!announcement) {
    throw notFound();
  }
  const conditions: SQL[] = [eq(announcementRecipients.announcementId, id), isNull(announcementRecipients.readAt)];
  const after = nameCursor.decode(query.cursor);
  if (after) {
    conditions.push(sql`(${users.displayName}, ${users.id}) > (${after[0]}, ${after[1]}::uuid)`);
  }
  const rows = await ctx.db
    .select({ user_id: users.id, display_name: users.displayName })
    .from(announcementRecipients)
    .innerJoin(users, eq(users.id, announcementRecipients.userId))
    .where(and(...conditions))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page, next_cursor: rows.length > query.limit && last ? nameCursor.encode([last.display_name, last.user_id]) : null };
}

/** The sorts of the receipts list (sort= allow-list in the contract): the recipient's name, when they opened it. */
export const receiptSortColumns: SortColumns<AnnouncementReceiptSort> = {
  name: { expr: users.displayName, kind: "text" },
  read_at: { expr: announcementRecipients.readAt, kind: "instant", nullable: true },
};

/**
 * GET /announcements/:id/receipts: the read receipts of an announcement the actor manages, every
 * recipient read or not (or only one of them), in the chosen order (by name by default), with the
 * capped total. Three queries: the announcement, then the page and the count at once.
 * @throws AppError NOT_FOUND when the actor does not manage it; VALIDATION_FAILED for a cursor that is
 *   unreadable or of another sort.
 */
export async function listAnnouncementReceipts(
  ctx: ActorCtx,
  id: string,
  query: AnnouncementReceiptListQuery,
): Promise<AnnouncementReceiptPage> {
  const [announcement] = await ctx.db
    .select({ id: announcements.id })
    .from(announcements)
    .where(and(eq(announcements.id, id), managed(ctx)));
  if (!announcement) {
    throw notFound();
  }
  const conditions: SQL[] = [eq(announcementRecipients.announcementId, id)];
  if (query.read) {
    conditions.push(query.read === "read" ? isNotNull(announcementRecipients.readAt) : isNull(announcementRecipients.readAt));
  }
  const keyset = sortedKeyset(receiptSortColumns, {
    sort: query.sort,
    fallback: "name",
    cursor: query.cursor,
    id: announcementRecipients.userId,
  });
  const where = and(...conditions);
  const [rows, total] = await Promise.all([
    ctx.db
      .select({
        userId: announcementRecipients.userId,
        displayName: users.displayName,
        readAt: announcementRecipients.readAt,
        sortValue: keyset.value,
      })
      .from(announcementRecipients)
      .innerJoin(users, eq(users.id, announcementRecipients.userId))
      .where(keyset.after ? and(where, keyset.after) : where)
      .orderBy(keyset.order)
      .limit(query.limit + 1),
    countCapped(ctx.db, sql`${announcementRecipients}`, where),
  ]);
  return {
    ...pageOf(
      rows,
      query.limit,
      (row) => ({ user_id: row.userId, display_name: row.displayName, read_at: row.readAt?.toISOString() ?? null }),
      (last) => keyset.cursorOf(last.sortValue, last.userId),
    ),
    ...total,
  };
}

/** The bytes of an attachment of an announcement the actor received or manages. @throws NOT_FOUND otherwise. */
export async function getAnnouncementFile(
  ctx: ActorCtx,
  id: string,
  attachmentId: string,
): Promise<Pick<typeof announcementAttachments.$inferSelect, "fileName" | "contentType" | "bytes" | "sha256">> {
  const [row] = await ctx.db
    .select({
      fileName: announcementAttachments.fileName,
      contentType: announcementAttachments.contentType,
      bytes: announcementAttachments.bytes,
      sha256: announcementAttachments.sha256,
    })
    .from(announcementAttachments)
    .innerJoin(announcements, eq(announcements.id, announcementAttachments.announcementId))
    .leftJoin(announcementRecipients, myReceipt(ctx))
    .where(
      and(
        eq(announcementAttachments.id, attachmentId),
        eq(announcementAttachments.announcementId, id),
        or(sql`${announcementRecipients.userId} IS NOT NULL`, managed(ctx)),
      ),
    );
  if (!row) {
    throw notFound();
  }
  return row;
}

/**
 * GET /announcements/audience-organizations: the organizations an announcement to `area_code` can be
 * narrowed to — those whose active staff would receive it (membership under the area, or covering
 * it: an agency serving the district serves the street). 404 for an area outside the publish scope.
 */
export async function listAudienceOrganizations(ctx: ActorCtx, query: AnnouncementAudienceOrgsQuery): Promise<AnnouncementAudienceOrgs> {
  if (!isInScope(query.area_code, ctx.actor.scope("announcements.publish"))) {
    throw notFound();
  }
  const staffOrganizations = sql`SELECT ${memberships.organizationId} FROM ${memberships}
    INNER JOIN ${users} ON ${users.id} = ${memberships.userId}
    WHERE ${and(
      or(inScope(memberships.areaCode, [query.area_code]), ancestorOf(memberships.areaCode, query.area_code)),
      eq(users.status, "active"),
    )}`;
  const items = await listOrganizationsAmong(ctx, staffOrganizations, { q: query.q, limit: 50 });
  return { items };
}
