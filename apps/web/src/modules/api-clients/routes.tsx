import { lazy } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";

const ApiClientsPage = lazy(() => import("./pages/ApiClientsPage").then((module) => ({ default: module.ApiClientsPage })));

/** Console routes of the API clients module (administration). */
export const apiClientRoutes: RouteObject[] = [
  {
    path: "api-clients",
    element: (
      <RequirePermission permission="api_clients.manage">
        <ApiClientsPage />
      </RequirePermission>
    ),
  },
];
