import { randomBytes } from "node:crypto";
import type { MembershipCreate } from "@sanshe/contracts";
import type { Ctx } from "../../../platform/ctx.js";
import { createUserAsSystem } from "../service.js";

export const factoryPassword = "Test-password-2026";

/** Creates an account with the given memberships and a unique login; returns its id and login. */
export async function buildUser(
  ctx: Ctx,
  grants: MembershipCreate[],
  overrides: { login?: string; display_name?: string } = {},
): Promise<{ id: string; login: string }> {
  const login = overrides.login ?? `user-${randomBytes(4).toString("hex")}`;
  const id = await createUserAsSystem(ctx, {
    login,
    display_name: overrides.display_name ?? `测试用户 ${login}`,
    password: factoryPassword,
    memberships: grants,
  });
  return { id, login };
}
