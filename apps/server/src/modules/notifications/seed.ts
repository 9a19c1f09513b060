import { eq } from "drizzle-orm";
import type { Ctx } from "../../platform/ctx.js";
import { users } from "../../platform/auth/index.js";
import { notificationPreferences } from "./schema.js";

/** demo-community reads a daily digest by e-mail (printed to the log without SMTP); once. */
export async function seedNotificationPreferences(ctx: Ctx): Promise<void> {
  const [account] = await ctx.db.select({ id: users.id, email: users.email }).from(users).where(eq(users.login, "demo-community"));
  if (!account) {
    return;
  }
  if (!account.email) {
    await ctx.db.update(users).set({ email: "demo-community@example.org" }).where(eq(users.id, account.id));
  }
  await ctx.db
    .insert(notificationPreferences)
    .values({ userId: account.id, delivery: "daily_digest", emailEnabled: true })
    .onConflictDoNothing();
}
