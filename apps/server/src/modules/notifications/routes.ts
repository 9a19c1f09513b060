import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  NotificationIdParamsSchema,
  NotificationListQuerySchema,
  NotificationPreferencesSchema,
  NotificationPreferencesUpdateSchema,
  NotificationPageSchema,
  NotificationReadAllSchema,
  NotificationSchema,
  ProblemSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { listNotifications } from "./queries.js";
import { markAllNotificationsRead, markNotificationRead } from "./service.js";
import { getNotificationPreferences, updateNotificationPreferences } from "./preferences.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/** The signed-in user's own notifications (站内通知). */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/notifications",
    {
      schema: {
        summary: "Your notifications, newest first, with the unread count",
        tags: ["notifications"],
        querystring: NotificationListQuerySchema,
        response: { 200: NotificationPageSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => listNotifications(requireActor(request.ctx), request.query),
  );

  app.post(
    "/notifications/:id/read",
    {
      schema: {
        summary: "Mark one of your notifications read (404 for anyone else's)",
        tags: ["notifications"],
        params: NotificationIdParamsSchema,
        response: { 200: NotificationSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => markNotificationRead(requireActor(request.ctx), request.params.id),
  );

  app.post(
    "/notifications/read-all",
    {
      schema: {
        summary: "Mark all your notifications read",
        tags: ["notifications"],
        response: { 200: NotificationReadAllSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => markAllNotificationsRead(requireActor(request.ctx)),
  );

  app.get(
    "/me/notification-preferences",
    {
      schema: {
        summary: "How your notifications are e-mailed: immediately or as a daily digest, e-mail on or off",
        tags: ["notifications"],
        response: { 200: NotificationPreferencesSchema, ...errors },
      },
      config: { access: "authenticated" },
    },
    async (request) => getNotificationPreferences(requireActor(request.ctx)),
  );

  app.put(
    "/me/notification-preferences",
    {
      schema: {
        summary: "Save your notification preferences (and optionally your e-mail address); 409 on a stale version",
        tags: ["notifications"],
        body: NotificationPreferencesUpdateSchema,
        response: { 200: NotificationPreferencesSchema, ...errors, 409: ProblemSchema },
      },
      config: { access: "authenticated" },
    },
    async (request) => updateNotificationPreferences(requireActor(request.ctx), request.body),
  );
};
