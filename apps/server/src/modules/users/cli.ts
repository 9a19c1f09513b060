import { parseArgs } from "node:util";
import { UserCreateSchema } from "@sanshe/contracts";
import type { CliCommand } from "../../platform/module.js";
import { sealAll } from "../../platform/audit/chain.js";
import { systemCtx } from "../../platform/system.js";
import { createUserAsSystem } from "./service.js";

/** `sanshe users create …`: an account made from a terminal (the first administrator of a new site). */
export const createUserCommand: CliCommand = {
  name: "users create",
  usage: `users create --login <l> --name <n> --role <role> --area <code> [--org <uuid>]
                                create an account; the password is read from SANSHE_NEW_PASSWORD`,
  async run(args, { print, withDatabase }) {
    const { values } = parseArgs({
      args,
      options: {
        login: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        area: { type: "string" },
        org: { type: "string" },
      },
    });
    const input = UserCreateSchema.safeParse({
      login: values.login,
      display_name: values.name ?? values.login,
      password: process.env.SANSHE_NEW_PASSWORD,
      memberships: [{ role: values.role, area_code: values.area, organization_id: values.org ?? null }],
    });
    if (!input.success) {
      for (const issue of input.error.issues) {
        print(`  ${issue.path.join(".")}: ${issue.message}`);
      }
      print("users create: fix the values above (the password comes from SANSHE_NEW_PASSWORD)");
      return 2;
    }
    await withDatabase(async (database) => {
      const id = await createUserAsSystem(systemCtx(database.db), input.data);
      await sealAll(database.db);
      print(`user ${input.data.login} created (${id})`);
    });
    return 0;
  },
};
