import { lazy } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";

// Loaded on first visit: imports are occasional work.
const ImportPage = lazy(() => import("./pages/ImportPage").then((module) => ({ default: module.ImportPage })));

const page = (
  <RequirePermission permission="imports.run">
    <ImportPage />
  </RequirePermission>
);

/** Console routes of the imports module: the flow, and one job's report or progress. */
export const importRoutes: RouteObject[] = [
  { path: "imports", element: page },
  { path: "imports/:id", element: page },
];
