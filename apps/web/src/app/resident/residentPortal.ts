import type { Me } from "@sanshe/contracts";
import { matchPath } from "react-router-dom";

/** A resident-only account (every membership is `resident`): the phone portal instead of the console. */
export function isResidentOnly(me: Me): boolean {
  return me.memberships.length > 0 && me.memberships.every((membership) => membership.role === "resident");
}

/**
 * The console pages a resident may open; any other address (a staff page typed or bookmarked) shows
 * the not-found page inside the portal, never a broken staff page.
 */
const RESIDENT_PATHS = [
  "/",
  "/report",
  "/my-needs",
  "/needs/:id",
  "/my-record",
  "/notifications",
  "/notifications/preferences",
  "/announcements",
  "/announcements/:id",
] as const;

/** Whether a resident may open this path in the portal. */
export function isResidentPath(pathname: string): boolean {
  return RESIDENT_PATHS.some((pattern) => matchPath({ path: pattern, end: true }, pathname) !== null);
}
