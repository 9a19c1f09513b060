import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";
import { AreaBrowserPage } from "./pages/AreaBrowserPage";

/** Console routes of the jurisdictions module. */
export const jurisdictionRoutes: RouteObject[] = [
  {
    path: "areas",
    element: (
      <RequirePermission permission="areas.read">
        <AreaBrowserPage />
      </RequirePermission>
    ),
  },
];
