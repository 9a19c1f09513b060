import { Spin } from "antd";
import { lazy, Suspense, type ReactNode } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";

const MeetingListPage = lazy(() => import("./pages/MeetingListPage").then((m) => ({ default: m.MeetingListPage })));
const MeetingPage = lazy(() => import("./pages/MeetingPage").then((m) => ({ default: m.MeetingPage })));
const MeetingPrintPage = lazy(() => import("./pages/MeetingPrintPage").then((m) => ({ default: m.MeetingPrintPage })));
const ActionItemsPage = lazy(() => import("./pages/ActionItemsPage").then((m) => ({ default: m.ActionItemsPage })));
const ActionItemPage = lazy(() => import("./pages/ActionItemPage").then((m) => ({ default: m.ActionItemPage })));
const HistoryPage = lazy(() => import("./pages/HistoryPage").then((m) => ({ default: m.HistoryPage })));
const SignInPage = lazy(() => import("./pages/SignInPage").then((m) => ({ default: m.SignInPage })));

const guarded = (element: ReactNode) => <RequirePermission permission="meetings.read">{element}</RequirePermission>;

/** Console routes of joint meetings and action items. */
export const meetingRoutes: RouteObject[] = [
  { path: "meetings", element: guarded(<MeetingListPage />) },
  { path: "meetings/history", element: guarded(<HistoryPage />) },
  { path: "meetings/:id", element: guarded(<MeetingPage />) },
  { path: "action-items", element: guarded(<ActionItemsPage />) },
  { path: "action-items/:id", element: guarded(<ActionItemPage />) },
];

/** Signed-in pages outside the console layout: the phone sign-in page and the printable minutes. */
export const meetingStandaloneRoutes: RouteObject[] = [
  { path: "/m/meetings/:id/sign-in", element: <Suspense fallback={<Spin />}>{guarded(<SignInPage />)}</Suspense> },
  { path: "/meetings/:id/print", element: <Suspense fallback={<Spin />}>{guarded(<MeetingPrintPage />)}</Suspense> },
];
