import type { RouteObject } from "react-router-dom";
import { callRoutes } from "./calls/routes";
import { contractRoutes, contractStandaloneRoutes } from "./contracts/routes";

/** Console routes of government purchase (项目化运作): calls and review, then contracts, ledger and evaluation. */
export const projectRoutes: RouteObject[] = [...callRoutes, ...contractRoutes];

/** Printable documents of government purchase, outside the console layout. */
export const projectStandaloneRoutes: RouteObject[] = [...contractStandaloneRoutes];
