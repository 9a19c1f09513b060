import { lazy } from "react";
import type { RouteObject } from "react-router-dom";

const AnnouncementsPage = lazy(() => import("./pages/AnnouncementsPage").then((module) => ({ default: module.AnnouncementsPage })));
const AnnouncementDetailPage = lazy(() =>
  import("./pages/AnnouncementDetailPage").then((module) => ({ default: module.AnnouncementDetailPage })),
);
const AnnouncementPublishPage = lazy(() =>
  import("./pages/AnnouncementPublishPage").then((module) => ({ default: module.AnnouncementPublishPage })),
);

/** Console routes of the announcements module (everyone reads their own; publishers publish). */
export const announcementRoutes: RouteObject[] = [
  { path: "announcements", element: <AnnouncementsPage /> },
  { path: "announcements/new", element: <AnnouncementPublishPage /> },
  { path: "announcements/:id", element: <AnnouncementDetailPage /> },
];
