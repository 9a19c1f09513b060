import type { RouteObject } from "react-router-dom";
import { HomePage } from "./pages/HomePage";

/** Console routes of the home module. */
export const homeRoutes: RouteObject[] = [{ index: true, element: <HomePage /> }];
