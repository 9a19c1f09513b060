import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isProblem } from "../ui/api";
import { authKeys } from "../modules/auth";

/**
 * When any request answers 401 the session has ended (expired, or the account was disabled):
 * mark the user signed out, and RequireAuth sends them to the login page.
 */
function handleUnauthenticated(error: unknown): void {
  if (isProblem(error) && error.status === 401) {
    queryClient.setQueryData(authKeys.me, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: handleUnauthenticated }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => {
      // A refused sign-in is a wrong password, not an ended session.
      if (mutation.options.mutationKey?.[0] !== "login") {
        handleUnauthenticated(error);
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Problems from the server (403, 404, 409…) will not change on retry; network failures may.
      retry: (failureCount, error) => !(isProblem(error) && error.status > 0) && failureCount < 2,
    },
  },
});
