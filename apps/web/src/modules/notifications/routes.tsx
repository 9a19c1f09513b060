import { lazy } from "react";
import type { RouteObject } from "react-router-dom";

const NotificationsPage = lazy(() => import("./pages/NotificationsPage").then((module) => ({ default: module.NotificationsPage })));

const NotificationPreferencesPage = lazy(() =>
  import("./pages/NotificationPreferencesPage").then((module) => ({ default: module.NotificationPreferencesPage })),
);

/** Console routes of the notifications module (every signed-in user has their own). */
export const notificationRoutes: RouteObject[] = [
  { path: "notifications", element: <NotificationsPage /> },
  { path: "notifications/preferences", element: <NotificationPreferencesPage /> },
];
