import { lazy } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";

// Loaded on first visit: most users never open account management.
const UserListPage = lazy(() => import("./pages/UserListPage").then((module) => ({ default: module.UserListPage })));

/** Console routes of the users module. */
export const userRoutes: RouteObject[] = [
  {
    path: "users",
    element: (
      <RequirePermission permission="users.admin">
        <UserListPage />
      </RequirePermission>
    ),
  },
];
