import { sessionEndpoints as api, type Me, type Permission, type SessionCreate } from "@sanshe/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, endpointKey, isProblem } from "../../ui/api";

/** The query key of the signed-in user (set after sign-in, cleared after sign-out, refreshed after linking). */
export const authKeys = {
  me: endpointKey(api.me, {}),
};

/** The signed-in user, or null when there is no session (401 is an answer here, not an error). */
async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    return await call(api.me, {}, { signal });
  } catch (error) {
    if (isProblem(error) && error.status === 401) {
      return null;
    }
    throw error;
  }
}

/** Who is signed in: `data` is the Me payload, null when signed out, undefined while loading. */
export function useMe() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
    retry: (failureCount, error) => !isProblem(error) && failureCount < 2,
  });
}

/** True when the signed-in user holds this permission. */
/** True when the signed-in user holds `permission`, or any one of a list. */
export function useHasPermission(permission: Permission | readonly Permission[]): boolean {
  const { data } = useMe();
  const wanted: readonly Permission[] = typeof permission === "string" ? [permission] : permission;
  return wanted.some((one) => data?.permissions.includes(one)) ?? false;
}

/** Signs in; on success forgets every cached answer of a previous user and stores the new Me. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ["login"],
    mutationFn: (input: SessionCreate & { idempotencyKey: string }) =>
      call(api.signIn, { body: { login: input.login, password: input.password } }, { idempotencyKey: input.idempotencyKey }),
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me, me);
    },
  });
}

/** Ends the session and drops all cached data, so nothing of this user stays in memory. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.signOut),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(authKeys.me, null);
    },
  });
}
