import { lazy } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";

// Loaded on first visit; the compliance page brings ECharts along.
const CommunityListPage = lazy(() => import("./pages/CommunityListPage").then((module) => ({ default: module.CommunityListPage })));
const CommunityDetailPage = lazy(() => import("./pages/CommunityDetailPage").then((module) => ({ default: module.CommunityDetailPage })));
const CompliancePage = lazy(() => import("./pages/CompliancePage").then((module) => ({ default: module.CompliancePage })));

/** Console routes of the communities module (社区). */
export const communityRoutes: RouteObject[] = [
  {
    path: "communities",
    element: (
      <RequirePermission permission="communities.read">
        <CommunityListPage />
      </RequirePermission>
    ),
  },
  {
    path: "communities/compliance",
    element: (
      <RequirePermission permission="communities.read">
        <CompliancePage />
      </RequirePermission>
    ),
  },
  {
    path: "communities/:code",
    element: (
      <RequirePermission permission="communities.read">
        <CommunityDetailPage />
      </RequirePermission>
    ),
  },
];
