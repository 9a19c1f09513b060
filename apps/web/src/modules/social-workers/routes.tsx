import { lazy } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";

const WorkerListPage = lazy(() => import("./pages/WorkerListPage").then((module) => ({ default: module.WorkerListPage })));
const WorkerDetailPage = lazy(() => import("./pages/WorkerDetailPage").then((module) => ({ default: module.WorkerDetailPage })));
const WorkforcePage = lazy(() => import("./pages/WorkforcePage").then((module) => ({ default: module.WorkforcePage })));

/** Console routes of the social-workers module. */
export const socialWorkerRoutes: RouteObject[] = [
  {
    path: "social-workers",
    element: (
      <RequirePermission permission="social_workers.read">
        <WorkerListPage />
      </RequirePermission>
    ),
  },
  {
    path: "social-workers/workforce",
    element: (
      <RequirePermission permission="social_workers.read">
        <WorkforcePage />
      </RequirePermission>
    ),
  },
  {
    path: "social-workers/:id",
    element: (
      <RequirePermission permission="social_workers.read">
        <WorkerDetailPage />
      </RequirePermission>
    ),
  },
];
