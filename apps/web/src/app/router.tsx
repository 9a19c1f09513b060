import { createBrowserRouter } from "react-router-dom";
import { auditRoutes } from "../modules/audit";
import { authRoutes } from "../modules/auth";
import { homeRoutes } from "../modules/home";
import { jurisdictionRoutes } from "../modules/jurisdictions";
import { residentRoutes } from "../modules/residents";
import { userRoutes } from "../modules/users";
import { ConsoleLayout } from "./ConsoleLayout";
import { NotFoundPage } from "./NotFoundPage";
import { RequireAuth } from "./RequireAuth";
import { RouteErrorPage } from "./RouteErrorPage";

/** Every page of the web console: the login page outside, the module pages inside the console layout. */
export const router = createBrowserRouter([
  ...authRoutes.map((route) => ({ ...route, errorElement: <RouteErrorPage /> })),
  {
    path: "/",
    element: (
      <RequireAuth>
        <ConsoleLayout />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      {
        // Pathless: a failing page keeps the menu and header around its error message.
        errorElement: <RouteErrorPage />,
        children: [
          ...homeRoutes,
          ...jurisdictionRoutes,
          ...residentRoutes,
          ...userRoutes,
          ...auditRoutes,
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
