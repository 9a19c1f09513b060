import { idNumberCheckCharacter, type ResidentCreate } from "@sanshe/contracts";
import type { Ctx } from "../../../platform/ctx.js";
import { buildActor } from "../../../platform/auth/actor.js";
import { insertResident } from "../service.js";
import { withTx } from "../../../platform/ctx.js";

let sequence = 0;

/** A valid, unique 18-character ID number (address 410105) for a person born on `birth` (YYYY-MM-DD). */
export function makeIdNumber(birth = "1980-05-17", gender: "male" | "female" = "male"): string {
  sequence += 1;
  const order = (sequence * 2 + (gender === "male" ? 1 : 0)) % 1000;
  const first17 = `410105${birth.replaceAll("-", "")}${String(order).padStart(3, "0")}`;
  return first17 + idNumberCheckCharacter(first17);
}

let phoneSequence = 0;
export function makePhone(): string {
  phoneSequence += 1;
  return `139${String(Date.now() % 10_000).padStart(4, "0")}${String(phoneSequence).padStart(4, "0")}`;
}

/** Registers a resident directly (as a system community-staff actor of its community); returns the id. */
export async function buildResident(
  ctx: Ctx,
  overrides: Partial<ResidentCreate> & { area_code: string },
): Promise<{ id: string; idNumber: string }> {
  const idNumber = overrides.id_number ?? makeIdNumber();
  const actor = buildActor({ id: "00000000-0000-0000-0000-000000000000", login: "factory", displayName: "factory" }, [
    { id: "factory", role: "community_staff", areaCode: overrides.area_code, organizationId: null },
  ]);
  const id = await withTx({ ...ctx, actor }, (tx) => insertResident(tx, { name: "测试居民", ...overrides, id_number: idNumber }));
  return { id, idNumber };
}
