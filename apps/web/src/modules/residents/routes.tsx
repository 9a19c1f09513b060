import { lazy } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";

const ResidentListPage = lazy(() => import("./pages/ResidentListPage").then((module) => ({ default: module.ResidentListPage })));
const MyRecordPage = lazy(() => import("./pages/MyRecordPage").then((module) => ({ default: module.MyRecordPage })));

/** Console routes of the residents module. */
export const residentRoutes: RouteObject[] = [
  {
    path: "residents",
    element: (
      <RequirePermission permission="residents.read">
        <ResidentListPage />
      </RequirePermission>
    ),
  },
  {
    // A resident's own record and the link to it (resident accounts hold needs.report).
    path: "my-record",
    element: (
      <RequirePermission permission="needs.report">
        <MyRecordPage />
      </RequirePermission>
    ),
  },
];
