import {
  socialOrgEndpoints,
  userEndpoints as api,
  type MembershipCreate,
  type PasswordReset,
  type Role,
  type User,
  type UserCreate,
  type UserStatus,
  type UserUpdate,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, endpointKey, isProblem } from "../../ui/api";
import { departmentEndpoints } from "@sanshe/contracts/admin-tasks";

export type UserListFilters = {
  q?: string | undefined;
  role?: Role | undefined;
  status?: UserStatus | undefined;
  area_code?: string | undefined;
};

export type UserListParams = UserListFilters & { cursor?: string | undefined; limit: number };

const byId = (id: string) => ({ params: { id } });

/** One page of accounts (permission users.admin), filtered on the server. */
export function useUserList(params: UserListParams) {
  return useQuery({
    queryKey: endpointKey(api.list, { query: params }),
    queryFn: ({ signal }) => call(api.list, { query: params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** One account with its memberships and version. */
export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: endpointKey(api.get, byId(id ?? "")),
    queryFn: ({ signal }) => call(api.get, byId(id ?? ""), { signal }),
    enabled: id !== undefined,
  });
}

/** Social organizations to pick for org_staff and social_worker memberships. */
export function useOrganizationOptions(q: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: endpointKey(socialOrgEndpoints.refs, { query: { q, limit: 50 } }),
    queryFn: ({ signal }) => call(socialOrgEndpoints.refs, { query: { q, limit: 50 } }, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Departments an administrator may tie a department account to, searched by name on the server. */
export function useDepartmentOptions(q: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: endpointKey(departmentEndpoints.refs, { query: { q, limit: 50 } }),
    queryFn: ({ signal }) => call(departmentEndpoints.refs, { query: { q, limit: 50 } }, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

type WithKey<T> = T & { idempotencyKey: string };

function useUserMutationSettled() {
  const queryClient = useQueryClient();
  return (user: User | undefined, id?: string) => {
    if (user) {
      queryClient.setQueryData(endpointKey(api.get, byId(user.id)), user);
    } else if (id !== undefined) {
      void queryClient.invalidateQueries({ queryKey: endpointKey(api.get, byId(id)) });
    }
    void queryClient.invalidateQueries({ queryKey: endpointKey(api.list) });
  };
}

/** Creates an account with its first memberships (409 LOGIN_TAKEN, 403 SCOPE_EXCEEDED, 400 MEMBERSHIP_INVALID). */
export function useCreateUser() {
  const settle = useUserMutationSettled();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: WithKey<UserCreate>) => call(api.create, { body }, { idempotencyKey }),
    onSuccess: (user) => settle(user),
  });
}

function isUser(value: unknown): value is User {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return typeof record["id"] === "string" && typeof record["version"] === "number" && Array.isArray(record["memberships"]);
}

/**
 * Changes display name or status. A stale version gets 409 VERSION_CONFLICT carrying the current
 * copy, which replaces the cached one so the form shows what someone else saved.
 */
export function useUpdateUser(id: string) {
  const settle = useUserMutationSettled();
  return useMutation({
    mutationFn: (body: UserUpdate) => call(api.update, { ...byId(id), body }),
    onSuccess: (user) => settle(user),
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        const current = error.problem.current;
        settle(isUser(current) ? current : undefined, id);
      }
    },
  });
}

/** Grants one more role and scope; the server answers with the updated account. */
export function useAddMembership(userId: string) {
  const settle = useUserMutationSettled();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: WithKey<MembershipCreate>) =>
      call(api.addMembership, { ...byId(userId), body }, { idempotencyKey }),
    onSuccess: (user) => settle(user),
  });
}

/** Withdraws a membership (403 SELF_MEMBERSHIP_EDIT on one's own account). */
export function useRemoveMembership(userId: string) {
  const settle = useUserMutationSettled();
  return useMutation({
    mutationFn: (membershipId: string) => call(api.removeMembership, { params: { id: userId, membership_id: membershipId } }),
    onSuccess: () => settle(undefined, userId),
  });
}

/** Sets a new password chosen by the administrator; the user's sessions end. */
export function useResetPassword(userId: string) {
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: WithKey<PasswordReset>) =>
      call(api.resetPassword, { ...byId(userId), body }, { idempotencyKey }),
  });
}
