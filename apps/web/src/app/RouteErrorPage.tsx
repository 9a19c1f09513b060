import { useRouteError } from "react-router-dom";
import { ErrorFallback } from "../ui/ErrorFallback";

/** Router error element: a page that throws while rendering or loading shows a friendly message. */
export function RouteErrorPage() {
  const error = useRouteError();
  return <ErrorFallback error={error} />;
}
