import { z } from "zod";
import { PageQuerySchema, TimestampSchema, UuidSchema, pageOf } from "./common.js";

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
