import type { ReactNode } from "react";
import { lazy } from "react";
import type { RouteObject } from "react-router-dom";
import type { Permission } from "@sanshe/contracts";
import { RequirePermission } from "../../auth";

const CallListPage = lazy(() => import("./pages/CallListPage").then((m) => ({ default: m.CallListPage })));
const CallFormPage = lazy(() => import("./pages/CallFormPage").then((m) => ({ default: m.CallFormPage })));
const ApplicationListPage = lazy(() => import("./pages/ApplicationListPage").then((m) => ({ default: m.ApplicationListPage })));
const CallPage = lazy(() => import("./pages/CallPage").then((m) => ({ default: m.CallPage })));

const guarded = (permission: Permission, element: ReactNode) => <RequirePermission permission={permission}>{element}</RequirePermission>;

/** Calls, applications, review and award. */
export const callRoutes: RouteObject[] = [
  { path: "calls", element: guarded("projects.read", <CallListPage />) },
  { path: "calls/new", element: guarded("calls.manage", <CallFormPage />) },
  { path: "calls/:id", element: guarded("projects.read", <CallPage />) },
  { path: "calls/:id/edit", element: guarded("calls.manage", <CallFormPage />) },
  { path: "applications", element: guarded("projects.read", <ApplicationListPage />) },
];
