import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";
import { CommunityDetailPage } from "./pages/CommunityDetailPage";
import { CommunityListPage } from "./pages/CommunityListPage";
import { CompliancePage } from "./pages/CompliancePage";

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
