import { lazy } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";

const CaseListPage = lazy(() => import("./pages/CaseListPage").then((module) => ({ default: module.CaseListPage })));
const CasePage = lazy(() => import("./pages/CasePage").then((module) => ({ default: module.CasePage })));

/** Console routes of the casework module. */
export const caseRoutes: RouteObject[] = [
  {
    path: "cases",
    element: (
      <RequirePermission permission="cases.read">
        <CaseListPage />
      </RequirePermission>
    ),
  },
  {
    path: "cases/:id",
    element: (
      <RequirePermission permission="cases.read">
        <CasePage />
      </RequirePermission>
    ),
  },
];
