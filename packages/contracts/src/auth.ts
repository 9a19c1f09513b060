import { z } from "zod";
import { AreaCodeSchema, UuidSchema } from "./common.js";
import { ResidentOwnLinkSchema } from "./residents.js";
import { endpoint } from "./endpoint.js";

/**
 * Roles. An official's level (city, district, street) is the level of the membership's area code.
 * admin manages accounts; auditor reads the audit log (kept apart from admin: 三员分立 of 等保 2.0).
 */
export const RoleSchema = z
  .enum(["admin", "auditor", "official", "community_staff", "org_staff", "social_worker", "evaluator", "resident", "department"])
  .describe("Role of a membership (department: staff of a government department, tied to it as their organization)");
export type Role = z.infer<typeof RoleSchema>;

/** Permissions a route can require; derived from roles on the server. */
export const PermissionSchema = z
  .enum([
    "areas.read",
    "users.admin",
    "audit.read",
    "communities.read",
    "communities.write",
    "social_orgs.read",
    "social_orgs.write",
    "social_workers.read",
    "social_workers.write",
    "residents.read",
    "residents.write",
    "residents.unmask",
    "imports.run",
    "needs.read",
    "needs.write",
    "needs.report",
    "needs.dashboard",
    "referrals.handle",
    "routing.manage",
    "cases.read",
    "cases.write",
    "services.write",
    "api_clients.manage",
    "projects.read",
    "calls.manage",
    "projects.apply",
    "projects.review",
    "projects.evaluate",
    "meetings.read",
    "meetings.convene",
    "action_items.handle",
    "announcements.publish",
    "admin_tasks.read",
    "admin_tasks.apply",
    "admin_tasks.review",
    "admin_tasks.queue",
    "admin_tasks.catalog",
    "workload.read",
    "leadership.read",
    "leadership.manage",
    "ledger.record",
  ])
  .describe("Permission");
export type Permission = z.infer<typeof PermissionSchema>;

export const MembershipSchema = z.object({
  id: UuidSchema,
  role: RoleSchema,
  area_code: AreaCodeSchema.describe("Jurisdiction scope: every record under this code prefix"),
  area_name: z.string().describe("Name of the scope's area"),
  organization_id: UuidSchema.nullable().describe("Organization the role acts for (org staff, social worker)"),
  organization_name: z.string().nullable().describe("Name of that organization"),
});
export type Membership = z.infer<typeof MembershipSchema>;

export const SessionCreateSchema = z.strictObject({
  login: z.string().trim().min(1).max(64).describe("Login name"),
  password: z.string().min(1).max(256).describe("Password"),
});
export type SessionCreate = z.infer<typeof SessionCreateSchema>;

export const MeSchema = z.object({
  user: z.object({
    id: UuidSchema,
    login: z.string().describe("Login name"),
    display_name: z.string().describe("Name shown in the console"),
  }),
  memberships: z.array(MembershipSchema).describe("The user's roles and scopes"),
  permissions: z.array(PermissionSchema).describe("Permissions the memberships give"),
  resident_link: ResidentOwnLinkSchema.nullable().describe("The resident record this account is linked to (resident accounts), or null"),
});
export type Me = z.infer<typeof MeSchema>;

const sessionTags = ["session"] as const;

/** Signing in and out, and the signed-in user. */
export const sessionEndpoints = {
  signIn: endpoint({
    method: "POST",
    path: "/session",
    summary: "Sign in; sets an HttpOnly session cookie",
    tags: sessionTags,
    access: "public",
    body: SessionCreateSchema,
    status: 200,
    response: MeSchema,
    problems: [429],
    omitProblems: [403, 404],
  }),
  signOut: endpoint({
    method: "DELETE",
    path: "/session",
    summary: "Sign out",
    tags: sessionTags,
    access: "authenticated",
    status: 204,
    response: z.null().describe("Signed out"),
    omitProblems: [400, 403, 404],
  }),
  me: endpoint({
    method: "GET",
    path: "/me",
    summary: "The signed-in user, memberships and permissions",
    tags: sessionTags,
    access: "authenticated",
    status: 200,
    response: MeSchema,
    omitProblems: [400, 403, 404],
  }),
};
