import { randomBytes } from "node:crypto";
import { usccCheckCharacter, type SocialOrgLegalForm } from "@sanshe/contracts";
import type { Ctx } from "../../../platform/ctx.js";
import { socialOrgs, socialOrgServiceAreas } from "../schema.js";

type Overrides = Partial<typeof socialOrgs.$inferInsert> & { serviceAreas?: string[] };

const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A random valid 统一社会信用代码 for the legal form (51/52/53) and area. */
export function randomUscc(form: SocialOrgLegalForm = "private_non_enterprise", area = "410105"): string {
  const prefix = { association: "51", private_non_enterprise: "52", foundation: "53" }[form];
  const body = [...randomBytes(9)].map((byte) => alphabet[byte % alphabet.length]).join("");
  const first17 = `${prefix}${area}${body}`;
  return first17 + usccCheckCharacter(first17);
}

/** Creates a social organization with home area `areaCode` (a filed social-work agency by default); returns the row. */
export async function buildSocialOrg(ctx: Ctx, areaCode: string, overrides: Overrides = {}): Promise<typeof socialOrgs.$inferSelect> {
  const { serviceAreas = [], ...values } = overrides;
  const name = values.name ?? `测试社会组织 ${randomBytes(3).toString("hex")}`;
  const [row] = await ctx.db
    .insert(socialOrgs)
    .values({ registration: "filed", category: "comprehensive", isSocialWorkAgency: true, ...values, name, areaCode })
    .returning();
  if (!row) {
    throw new Error("social org not created");
  }
  if (serviceAreas.length > 0) {
    await ctx.db.insert(socialOrgServiceAreas).values(serviceAreas.map((code) => ({ orgId: row.id, areaCode: code })));
  }
  return row;
}

/** A registered organization with a valid credit code. */
buildSocialOrg.registered = (ctx: Ctx, areaCode: string, overrides: Overrides = {}) =>
  buildSocialOrg(ctx, areaCode, {
    registration: "registered",
    legalForm: "private_non_enterprise",
    uscc: randomUscc("private_non_enterprise", areaCode.slice(0, 6)),
    ...overrides,
  });

/** The demo seed of social organizations, for other modules' seed tests. */
export { seedSocialOrgs } from "../seed.js";
