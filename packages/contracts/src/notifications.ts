import { z } from "zod";
import { PageQuerySchema, TimestampSchema, UuidSchema, pageOf } from "./common.js";
import { endpoint } from "./endpoint.js";

export const NotificationKindSchema = z.string().describe("What the notification is about, e.g. referral_escalated");

export const NotificationSchema = z.object({
  id: UuidSchema,
  area_code: z.string().describe("Jurisdiction the notification is about"),
  kind: NotificationKindSchema,
  title: z.string().describe("Short title"),
  body: z.string().describe("Text"),
  link: z.string().nullable().describe("Console path to open, e.g. /needs/{id}"),
  created_at: TimestampSchema,
  read_at: TimestampSchema.nullable().describe("When you marked it read; null while unread"),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationPageSchema = pageOf(NotificationSchema).extend({
  unread_count: z.number().int().describe("Your unread notifications"),
});
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const NotificationListQuerySchema = PageQuerySchema.extend({
  unread: z.enum(["1", "0"]).optional().describe("1: only unread notifications"),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;
export const NotificationIdParamsSchema = z.object({ id: UuidSchema });
export const NotificationReadAllSchema = z.object({ updated: z.number().int().describe("Notifications marked read") });

export const NotificationDeliverySchema = z
  .enum(["immediately", "daily_digest"])
  .describe("immediately: one e-mail per notification; daily_digest: one e-mail a day listing them");
export type NotificationDelivery = z.infer<typeof NotificationDeliverySchema>;

export const NotificationPreferencesSchema = z.object({
  delivery: NotificationDeliverySchema,
  email_enabled: z.boolean().describe("Send e-mail at all (in-app notifications are always kept)"),
  email_masked: z.string().nullable().describe("Your e-mail address, masked; null if none is set"),
  version: z.number().int(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

export const NotificationPreferencesUpdateSchema = z.strictObject({
  delivery: NotificationDeliverySchema,
  email_enabled: z.boolean(),
  email: z.email().max(254).nullable().optional().describe("New e-mail address; null removes it; absent keeps it"),
  version: z.number().int().describe("The version you read"),
});
export type NotificationPreferencesUpdate = z.infer<typeof NotificationPreferencesUpdateSchema>;

const tags = ["notifications"] as const;

/** The signed-in user's own notifications (站内通知) and how they are e-mailed. */
export const notificationEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/notifications",
    summary: "Your notifications, newest first, with the unread count",
    tags,
    access: "authenticated",
    query: NotificationListQuerySchema,
    status: 200,
    response: NotificationPageSchema,
  }),
  markRead: endpoint({
    method: "POST",
    path: "/notifications/:id/read",
    summary: "Mark one of your notifications read (404 for anyone else's)",
    tags,
    access: "authenticated",
    params: NotificationIdParamsSchema,
    status: 200,
    response: NotificationSchema,
  }),
  markAllRead: endpoint({
    method: "POST",
    path: "/notifications/read-all",
    summary: "Mark all your notifications read",
    tags,
    access: "authenticated",
    status: 200,
    response: NotificationReadAllSchema,
  }),
  preferences: endpoint({
    method: "GET",
    path: "/me/notification-preferences",
    summary: "How your notifications are e-mailed: immediately or as a daily digest, e-mail on or off",
    tags,
    access: "authenticated",
    status: 200,
    response: NotificationPreferencesSchema,
  }),
  savePreferences: endpoint({
    method: "PUT",
    path: "/me/notification-preferences",
    summary: "Save your notification preferences (and optionally your e-mail address); 409 on a stale version",
    tags,
    access: "authenticated",
    body: NotificationPreferencesUpdateSchema,
    status: 200,
    response: NotificationPreferencesSchema,
    problems: [409],
  }),
};
