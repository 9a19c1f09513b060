import { createBrowserRouter } from "react-router-dom";
import { apiClientRoutes } from "../modules/api-clients";
import { auditRoutes } from "../modules/audit";
import { authRoutes } from "../modules/auth";
import { communityRoutes } from "../modules/communities";
import { homeRoutes } from "../modules/home";
import { importRoutes } from "../modules/imports";
import { publicSocialOrgRoutes, socialOrgRoutes } from "../modules/social-orgs";
import { jurisdictionRoutes } from "../modules/jurisdictions";
import { socialWorkerRoutes } from "../modules/social-workers";
import { residentRoutes } from "../modules/residents";
import { caseRoutes } from "../modules/cases";
import { needRoutes } from "../modules/needs";
import { meetingRoutes, meetingStandaloneRoutes } from "../modules/meetings";
import { projectRoutes } from "../modules/projects";
import { notificationRoutes } from "../modules/notifications";
import { announcementRoutes } from "../modules/announcements";
import { publicServiceRoutes, serviceRoutes } from "../modules/services-directory";
import { userRoutes } from "../modules/users";
import { ConsoleLayout } from "./ConsoleLayout";
import { NotFoundPage } from "./NotFoundPage";
import { RequireAuth } from "./RequireAuth";
import { RouteErrorPage } from "./RouteErrorPage";

/** Every page of the web console: the login page outside, the module pages inside the console layout. */
export const router = createBrowserRouter([
  ...[...authRoutes, ...publicSocialOrgRoutes, ...publicServiceRoutes].map((route) => ({ ...route, errorElement: <RouteErrorPage /> })),
  ...meetingStandaloneRoutes.map((route) => ({
    ...route,
    element: <RequireAuth>{route.element}</RequireAuth>,
    errorElement: <RouteErrorPage />,
  })),
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
          ...userRoutes,
          ...apiClientRoutes,
          ...importRoutes,
          ...socialOrgRoutes,
          ...communityRoutes,
          ...socialWorkerRoutes,
          ...residentRoutes,
          ...caseRoutes,
          ...needRoutes,
          ...projectRoutes,
          ...meetingRoutes,
          ...notificationRoutes,
          ...announcementRoutes,
          ...serviceRoutes,
          ...auditRoutes,
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
