import type { RouteObject } from "react-router-dom";

/** Contracts, milestones, the funding ledger, evaluation and indicators. */
export const contractRoutes: RouteObject[] = [];
