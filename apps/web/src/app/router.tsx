import { createBrowserRouter } from "react-router-dom";
import { consoleModules } from "./modules";
import { AppLayout } from "./AppLayout";
import { NotFoundPage } from "./NotFoundPage";
import { RequireAuth } from "./RequireAuth";
import { RouteErrorPage } from "./RouteErrorPage";

/** Every page of the web console: the login page outside, the module pages inside the console layout (or the resident portal). */
export const router = createBrowserRouter([
  ...consoleModules.flatMap((module) => module.publicRoutes ?? []).map((route) => ({ ...route, errorElement: <RouteErrorPage /> })),
  ...consoleModules
    .flatMap((module) => module.standaloneRoutes ?? [])
    .map((route) => ({
      ...route,
      element: <RequireAuth>{route.element}</RequireAuth>,
      errorElement: <RouteErrorPage />,
    })),
  {
    path: "/",
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      {
        // Pathless: a failing page keeps the menu and header around its error message.
        errorElement: <RouteErrorPage />,
        children: [...consoleModules.flatMap((module) => module.routes ?? []), { path: "*", element: <NotFoundPage /> }],
      },
    ],
  },
]);
