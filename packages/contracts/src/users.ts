import { z } from "zod";
import { AreaCodeSchema, pageOf, PageQuerySchema, text, TimestampSchema, UuidSchema } from "./common.js";
import { MembershipSchema, RoleSchema } from "./auth.js";
import { endpoint } from "./endpoint.js";

/** A password chosen by a person or an administrator: 10–128 characters with letters and digits. */
export const PasswordSchema = z
  .string()
  .min(10, "PASSWORD_TOO_SHORT")
  .max(128)
  .refine((value) => /[A-Za-z]/.test(value) && /\d/.test(value), { message: "PASSWORD_TOO_WEAK" })
  .describe("Password: at least 10 characters, with letters and digits");

export const LoginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, "LOGIN_FORMAT")
  .describe("Login name: 3–64 lowercase letters, digits, dot, dash or underscore");

export const UserStatusSchema = z.enum(["active", "disabled"]).describe("Account status");
export type UserStatus = z.infer<typeof UserStatusSchema>;

export const MembershipCreateSchema = z.strictObject({
  role: RoleSchema,
  area_code: AreaCodeSchema.describe("Scope; must lie inside the granting administrator's own scope"),
  organization_id: UuidSchema.nullable().optional().describe("Organization, required for org_staff and social_worker"),
});
export type MembershipCreate = z.infer<typeof MembershipCreateSchema>;

export const UserSchema = z.object({
  id: UuidSchema,
  login: z.string().describe("Login name"),
  display_name: z.string().describe("Name shown in the console"),
  status: UserStatusSchema,
  locked_until: TimestampSchema.nullable().describe("Set while the account is locked after failed logins"),
  last_login_at: TimestampSchema.nullable().describe("Last successful login"),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
  version: z.number().int().describe("Version for optimistic concurrency; send it back on update"),
  memberships: z.array(MembershipSchema).describe("Roles and scopes"),
});
export type User = z.infer<typeof UserSchema>;

export const UserCreateSchema = z.strictObject({
  login: LoginSchema,
  display_name: text({ max: 64 }).describe("Name shown in the console"),
  password: PasswordSchema,
  memberships: z.array(MembershipCreateSchema).min(1).max(20).describe("At least one role and scope"),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = z.strictObject({
  version: z.number().int().min(1).describe("The version you read"),
  data: z
    .strictObject({
      display_name: text({ max: 64 }).optional().describe("New display name"),
      status: UserStatusSchema.optional().describe("active or disabled; disabling ends the user's sessions"),
    })
    .describe("Fields to change"),
});
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

export const PasswordResetSchema = z.strictObject({
  password: PasswordSchema.describe("The new password; the user's sessions are ended"),
});
export type PasswordReset = z.infer<typeof PasswordResetSchema>;

export const UserIdParamsSchema = z.object({ id: UuidSchema });
export const MembershipParamsSchema = z.object({ id: UuidSchema, membership_id: UuidSchema });

export const UserListQuerySchema = PageQuerySchema.extend({
  q: text({ max: 64 }).optional().describe("Search by login or display name"),
  area_code: AreaCodeSchema.optional().describe("Only users with a membership under this code"),
  role: RoleSchema.optional().describe("Only users holding this role"),
  status: UserStatusSchema.optional(),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;

export const UserPageSchema = pageOf(UserSchema);
export type UserPage = z.infer<typeof UserPageSchema>;

export const OrganizationRefSchema = z.object({
  id: UuidSchema,
  name: z.string().describe("Registered name"),
  area_code: AreaCodeSchema.describe("Area the organization serves"),
});
export type OrganizationRef = z.infer<typeof OrganizationRefSchema>;
export const OrganizationRefPageSchema = pageOf(OrganizationRefSchema);
export const OrganizationListQuerySchema = PageQuerySchema.extend({
  q: text({ max: 64 }).optional().describe("Search by name"),
});

const tags = ["users"] as const;

/** Accounts, their memberships and passwords (administrators). */
export const userEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/users",
    summary: "List accounts in your jurisdiction",
    tags,
    access: "users.admin",
    query: UserListQuerySchema,
    status: 200,
    response: UserPageSchema,
  }),
  create: endpoint({
    method: "POST",
    path: "/users",
    summary: "Create an account with its memberships",
    tags,
    access: "users.admin",
    body: UserCreateSchema,
    status: 201,
    response: UserSchema,
    problems: [409, 422],
  }),
  get: endpoint({
    method: "GET",
    path: "/users/:id",
    summary: "One account",
    tags,
    access: "users.admin",
    params: UserIdParamsSchema,
    status: 200,
    response: UserSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/users/:id",
    summary: "Change display name or status (send the version you read)",
    tags,
    access: "users.admin",
    params: UserIdParamsSchema,
    body: UserUpdateSchema,
    status: 200,
    response: UserSchema,
    problems: [409, 422],
  }),
  addMembership: endpoint({
    method: "POST",
    path: "/users/:id/memberships",
    summary: "Grant a role in an area",
    tags,
    access: "users.admin",
    params: UserIdParamsSchema,
    body: MembershipCreateSchema,
    status: 201,
    response: UserSchema,
    problems: [409, 422],
  }),
  removeMembership: endpoint({
    method: "DELETE",
    path: "/users/:id/memberships/:membership_id",
    summary: "Remove a membership",
    tags,
    access: "users.admin",
    params: MembershipParamsSchema,
    status: 204,
    response: z.null().describe("Removed"),
    problems: [409, 422],
  }),
  resetPassword: endpoint({
    method: "POST",
    path: "/users/:id/password",
    summary: "Set a new password; ends the user's sessions",
    tags,
    access: "users.admin",
    params: UserIdParamsSchema,
    body: PasswordResetSchema,
    status: 204,
    response: z.null().describe("Password set"),
    problems: [409, 422],
  }),
};
