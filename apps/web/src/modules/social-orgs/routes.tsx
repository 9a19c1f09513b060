import { Spin } from "antd";
import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";

const SocialOrgListPage = lazy(() => import("./pages/SocialOrgListPage").then((module) => ({ default: module.SocialOrgListPage })));
const SocialOrgDetailPage = lazy(() => import("./pages/SocialOrgDetailPage").then((module) => ({ default: module.SocialOrgDetailPage })));
const PublicSocialOrgsPage = lazy(() =>
  import("./pages/PublicSocialOrgsPage").then((module) => ({ default: module.PublicSocialOrgsPage })),
);

/** Console routes of the social organizations module. */
export const socialOrgRoutes: RouteObject[] = [
  {
    path: "social-orgs",
    element: (
      <RequirePermission permission="social_orgs.read">
        <SocialOrgListPage />
      </RequirePermission>
    ),
  },
  {
    path: "social-orgs/:id",
    element: (
      <RequirePermission permission="social_orgs.read">
        <SocialOrgDetailPage />
      </RequirePermission>
    ),
  },
];

/** The public directory (no sign-in), outside the console layout. */
export const publicSocialOrgRoutes: RouteObject[] = [
  {
    path: "/public/social-orgs",
    element: (
      <Suspense fallback={<Spin style={{ display: "block", margin: "48px auto" }} />}>
        <PublicSocialOrgsPage />
      </Suspense>
    ),
  },
];
