import { Spin } from "antd";
import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";

const ServiceListPage = lazy(() => import("./pages/ServiceListPage").then((module) => ({ default: module.ServiceListPage })));
const PublicDirectoryPage = lazy(() => import("./pages/PublicDirectoryPage").then((module) => ({ default: module.PublicDirectoryPage })));

/** Console route of the service directory (publishers). */
export const serviceRoutes: RouteObject[] = [
  {
    path: "services",
    element: (
      <RequirePermission permission="services.write">
        <ServiceListPage />
      </RequirePermission>
    ),
  },
];

/** The public directory (no sign-in), outside the console layout. */
export const publicServiceRoutes: RouteObject[] = [
  {
    path: "/directory",
    element: (
      <Suspense fallback={<Spin style={{ display: "block", margin: "48px auto" }} />}>
        <PublicDirectoryPage />
      </Suspense>
    ),
  },
];
