import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { notificationEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { listNotifications } from "./queries.js";
import { markAllNotificationsRead, markNotificationRead } from "./service.js";
import { getNotificationPreferences, updateNotificationPreferences } from "./preferences.js";

/** The signed-in user's own notifications (站内通知). */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, api.list, async (request) => listNotifications(requireActor(request.ctx), request.query));
  serve(app, api.markRead, async (request) => markNotificationRead(requireActor(request.ctx), request.params.id));
  serve(app, api.markAllRead, async (request) => markAllNotificationsRead(requireActor(request.ctx)));
  serve(app, api.preferences, async (request) => getNotificationPreferences(requireActor(request.ctx)));
  serve(app, api.savePreferences, async (request) => updateNotificationPreferences(requireActor(request.ctx), request.body));
};
