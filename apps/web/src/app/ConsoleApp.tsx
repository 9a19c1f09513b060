import { RouterProvider } from "react-router-dom";
import { ErrorBoundary } from "../ui/ErrorBoundary";
import { AppProviders } from "./AppProviders";
import { router } from "./router";

/** The whole web console. */
export function ConsoleApp() {
  return (
    <ErrorBoundary>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </ErrorBoundary>
  );
}
