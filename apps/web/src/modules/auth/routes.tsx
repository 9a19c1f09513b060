import type { RouteObject } from "react-router-dom";
import { LoginPage } from "./pages/LoginPage";

/** Public routes of the auth module (outside the console layout). */
export const authRoutes: RouteObject[] = [{ path: "/login", element: <LoginPage /> }];
