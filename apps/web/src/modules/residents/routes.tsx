import { lazy } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";

const ResidentListPage = lazy(() => import("./pages/ResidentListPage").then((module) => ({ default: module.ResidentListPage })));

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
];
