import type { Permission } from "@sanshe/contracts";
import { lazy, type ReactNode } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../auth";

const TaskListPage = lazy(() => import("./pages/TaskListPage").then((m) => ({ default: m.TaskListPage })));
const TaskPage = lazy(() => import("./pages/TaskPage").then((m) => ({ default: m.TaskPage })));
const QueuePage = lazy(() => import("./pages/QueuePage").then((m) => ({ default: m.QueuePage })));
const CatalogPage = lazy(() => import("./pages/CatalogPage").then((m) => ({ default: m.CatalogPage })));
const DepartmentsPage = lazy(() => import("./pages/DepartmentsPage").then((m) => ({ default: m.DepartmentsPage })));
const WorkloadPage = lazy(() => import("./pages/WorkloadPage").then((m) => ({ default: m.WorkloadPage })));

const guarded = (permission: Permission, element: ReactNode) => <RequirePermission permission={permission}>{element}</RequirePermission>;

/** Console routes of de-administration (社区减负): admission, the community queue, the catalogue, departments, workload. */
export const adminTaskRoutes: RouteObject[] = [
  { path: "admin-tasks", element: guarded("admin_tasks.read", <TaskListPage />) },
  { path: "admin-tasks/:id", element: guarded("admin_tasks.read", <TaskPage />) },
  { path: "community-queue", element: guarded("admin_tasks.queue", <QueuePage />) },
  { path: "admin-task-catalog", element: guarded("admin_tasks.read", <CatalogPage />) },
  { path: "departments", element: guarded("admin_tasks.catalog", <DepartmentsPage />) },
  { path: "workload", element: guarded("workload.read", <WorkloadPage />) },
];
