import type { MembershipCreate, Role } from "@sanshe/contracts";
import { ORGANIZATION_ROLES } from "../../auth";

/** What the membership fields of a form hold before validation. */
export type MembershipFormValues = {
  role?: Role;
  area_code?: string;
  organization_id?: string | null;
};

/** Turns validated membership fields into the API's MembershipCreate; organization only where the role needs one. */
export function toMembershipCreate(values: MembershipFormValues): MembershipCreate {
  if (values.role === undefined || values.area_code === undefined) {
    throw new Error("Membership fields were not validated");
  }
  return {
    role: values.role,
    area_code: values.area_code,
    ...(ORGANIZATION_ROLES.includes(values.role) ? { organization_id: values.organization_id ?? null } : {}),
  };
}
