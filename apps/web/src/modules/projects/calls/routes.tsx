import type { RouteObject } from "react-router-dom";

/** Calls, applications, review and award. */
export const callRoutes: RouteObject[] = [];
