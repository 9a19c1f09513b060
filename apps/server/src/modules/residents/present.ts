import type { Household, HouseholdDetail, Resident, ResidentAccount, ResidentListItem } from "@sanshe/contracts";
import { sensitiveResidentGroups, type ResidentGroup } from "@sanshe/contracts";
import type { ActorCtx } from "../../platform/ctx.js";
import type { households, residentAccounts, residentMoves, residents } from "./schema.js";
import { canReadIn } from "./policy.js";

export type ResidentRow = typeof residents.$inferSelect;
export type HouseholdRow = typeof households.$inferSelect;
export type MoveRow = typeof residentMoves.$inferSelect;

/** Whole years between a YYYY-MM-DD birth date and today. */
export function ageOn(birthDate: string | null, today: Date): number | null {
  if (!birthDate) {
    return null;
  }
  const [year, month, day] = birthDate.split("-").map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - year;
  const beforeBirthday = today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  if (beforeBirthday) {
    age -= 1;
  }
  return age;
}

/** Groups the viewer may see: sensitive ones (disabled, low income, minor) only with unmask rights there. */
export function visibleGroups(groups: readonly string[], canSeeSensitive: boolean): ResidentGroup[] {
  return (groups as ResidentGroup[]).filter((group) => canSeeSensitive || !sensitiveResidentGroups.includes(group));
}

/**
 * A resident as lists, detail and exports show it: ID number and phone only masked (PIPL 最小必要);
 * the ciphertexts and blind indexes never leave this module.
 */
export function presentResidentItem(
  row: ResidentRow,
  view: { areaNames: Map<string, string>; canSeeSensitive: boolean; today: Date },
): ResidentListItem {
  return {
    id: row.id,
    area_code: row.areaCode,
    area_name: view.areaNames.get(row.areaCode) ?? row.areaCode,
    name: row.name,
    gender: row.gender,
    birth_date: row.birthDate,
    age: ageOn(row.birthDate, view.today),
    id_number_masked: row.idNumberMasked,
    phone_masked: row.phoneMasked,
    address: row.address,
    building: row.building,
    unit: row.unit,
    room: row.room,
    grid_id: row.gridId,
    grid_name: row.gridName,
    household_id: row.householdId,
    relation_to_head: row.relationToHead,
    groups: visibleGroups(row.groups, view.canSeeSensitive),
    legal_basis: row.legalBasis,
    consent_date: row.consentDate,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function presentResident(
  row: ResidentRow,
  moves: MoveRow[],
  view: { areaNames: Map<string, string>; canSeeSensitive: boolean; canUnmask: boolean; today: Date },
): Resident {
  return {
    ...presentResidentItem(row, view),
    can_unmask: view.canUnmask,
    moves: moves.map((move) => ({
      from_area_code: move.fromAreaCode,
      to_area_code: move.toAreaCode,
      moved_at: move.movedAt.toISOString(),
      reason: move.reason,
    })),
  };
}

export function presentHousehold(
  row: HouseholdRow,
  view: { areaNames: Map<string, string>; headName: string | null; memberCount: number },
): Household {
  return {
    id: row.id,
    area_code: row.areaCode,
    area_name: view.areaNames.get(row.areaCode) ?? row.areaCode,
    address: row.address,
    head_resident_id: row.headResidentId,
    head_name: view.headName,
    member_count: view.memberCount,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

const relationOrder = ["head", "spouse", "parent", "child", "grandchild", "sibling", "other"];

export function presentHouseholdDetail(household: Household, members: ResidentRow[], today: Date): HouseholdDetail {
  const sorted = [...members].sort(
    (a, b) =>
      relationOrder.indexOf(a.relationToHead ?? "other") - relationOrder.indexOf(b.relationToHead ?? "other") ||
      a.name.localeCompare(b.name),
  );
  return {
    ...household,
    members: sorted.map((member) => ({
      id: member.id,
      name: member.name,
      relation_to_head: member.relationToHead,
      gender: member.gender,
      age: ageOn(member.birthDate, today),
      id_number_masked: member.idNumberMasked,
    })),
  };
}

/** A resident membership with its account and the record it is linked to (accounts-queries selectAccounts). */
export type AccountRow = {
  membershipId: string;
  userId: string;
  login: string;
  displayName: string;
  areaCode: string;
  method: (typeof residentAccounts.$inferSelect)["method"] | null;
  linkedAt: Date | null;
  residentId: string | null;
  residentName: string | null;
  residentArea: string | null;
  residentIdMasked: string | null;
};

/** A resident account as staff see it; the linked record only where the reader may read it. */
export function presentAccount(ctx: ActorCtx, row: AccountRow, areaNames: Map<string, string>): ResidentAccount {
  // The record is shown only where the reader may read it (an account may hold memberships elsewhere).
  const resident =
    row.residentId && row.residentName && row.residentArea && canReadIn(ctx.actor, row.residentArea)
      ? { id: row.residentId, name: row.residentName, id_number_masked: row.residentIdMasked }
      : null;
  return {
    user_id: row.userId,
    login: row.login,
    display_name: row.displayName,
    area_code: row.areaCode,
    area_name: areaNames.get(row.areaCode) ?? row.areaCode,
    resident,
    method: row.residentId ? row.method : null,
    linked_at: row.residentId ? (row.linkedAt?.toISOString() ?? null) : null,
  };
}
