import { Spin } from "antd";
import { lazy, Suspense, type ReactNode } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";

const LeadershipGroupsPage = lazy(() => import("./pages/LeadershipGroupsPage").then((m) => ({ default: m.LeadershipGroupsPage })));
const PlansPage = lazy(() => import("./pages/PlansPage").then((m) => ({ default: m.PlansPage })));
const PlanPage = lazy(() => import("./pages/PlanPage").then((m) => ({ default: m.PlanPage })));
const PlanPrintPage = lazy(() => import("./pages/PlanPrintPage").then((m) => ({ default: m.PlanPrintPage })));

const guarded = (element: ReactNode) => <RequirePermission permission="leadership.read">{element}</RequirePermission>;

/** Console routes of leadership groups and plans. */
export const leadershipRoutes: RouteObject[] = [
  { path: "leadership-groups", element: guarded(<LeadershipGroupsPage />) },
  { path: "plans", element: guarded(<PlansPage />) },
  { path: "plans/:id", element: guarded(<PlanPage />) },
];

/** The printable plan, outside the console layout. */
export const leadershipStandaloneRoutes: RouteObject[] = [
  { path: "/plans/:id/print", element: <Suspense fallback={<Spin />}>{guarded(<PlanPrintPage />)}</Suspense> },
];
