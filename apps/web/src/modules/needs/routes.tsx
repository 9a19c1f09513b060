import { Spin } from "antd";
import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";

const ReportNeedPage = lazy(() => import("./pages/ReportNeedPage").then((module) => ({ default: module.ReportNeedPage })));
const MyNeedsPage = lazy(() => import("./pages/MyNeedsPage").then((module) => ({ default: module.MyNeedsPage })));
const NeedListPage = lazy(() => import("./pages/NeedListPage").then((module) => ({ default: module.NeedListPage })));
const InboxPage = lazy(() => import("./pages/InboxPage").then((module) => ({ default: module.InboxPage })));
const NeedPage = lazy(() => import("./pages/NeedPage").then((module) => ({ default: module.NeedPage })));
const DashboardPage = lazy(() => import("./pages/DashboardPage").then((module) => ({ default: module.DashboardPage })));
const DashboardPrintPage = lazy(() => import("./pages/DashboardPrintPage").then((module) => ({ default: module.DashboardPrintPage })));
const RoutingRulesPage = lazy(() => import("./pages/RoutingRulesPage").then((module) => ({ default: module.RoutingRulesPage })));

/** Console routes of the needs module (resident portal, staff list, provider inbox, routing rules). */
export const needRoutes: RouteObject[] = [
  {
    path: "report",
    element: (
      <RequirePermission permission="needs.report">
        <ReportNeedPage />
      </RequirePermission>
    ),
  },
  {
    path: "my-needs",
    element: (
      <RequirePermission permission="needs.report">
        <MyNeedsPage />
      </RequirePermission>
    ),
  },
  {
    path: "needs",
    element: (
      <RequirePermission permission="needs.read">
        <NeedListPage />
      </RequirePermission>
    ),
  },
  {
    path: "needs/:id",
    element: (
      // Providers reach a need from their inbox (referrals.handle) without reading the area's needs.
      <RequirePermission permission={["needs.read", "referrals.handle", "needs.report"]}>
        <NeedPage />
      </RequirePermission>
    ),
  },
  {
    path: "needs/dashboard",
    element: (
      <RequirePermission permission="needs.dashboard">
        <DashboardPage />
      </RequirePermission>
    ),
  },
  {
    path: "referrals",
    element: (
      <RequirePermission permission="referrals.handle">
        <InboxPage />
      </RequirePermission>
    ),
  },
  {
    path: "routing-rules",
    element: (
      <RequirePermission permission="routing.manage">
        <RoutingRulesPage />
      </RequirePermission>
    ),
  },
];

/** The printable dashboard, outside the console layout. */
export const needStandaloneRoutes: RouteObject[] = [
  {
    path: "/needs/dashboard/print",
    element: (
      <Suspense fallback={<Spin />}>
        <RequirePermission permission="needs.dashboard">
          <DashboardPrintPage />
        </RequirePermission>
      </Suspense>
    ),
  },
];
