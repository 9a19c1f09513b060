import { lazy } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";

// Loaded on first visit: only auditors open the audit log.
const AuditLogPage = lazy(() => import("./pages/AuditLogPage").then((module) => ({ default: module.AuditLogPage })));

/** Console routes of the audit module. */
export const auditRoutes: RouteObject[] = [
  {
    path: "audit",
    element: (
      <RequirePermission permission="audit.read">
        <AuditLogPage />
      </RequirePermission>
    ),
  },
];
