import { z } from "zod";
import { CalendarDateSchema, AreaCodeSchema, pageOf, PageQuerySchema, text, TimestampSchema, UuidSchema } from "./common.js";
import { IdNumberSchema, PhoneSchema } from "./identifiers.js";
import { CommunityCodeSchema } from "./communities.js";
import { GenderSchema } from "./social-workers.js";
import { endpoint } from "./endpoint.js";

/**
 * Residents (居民) and households (户). ID numbers and phones are stored encrypted; every read shows
 * them masked, and `POST /residents/{id}/unmask` returns them to roles that may see them, audited.
 */

export const ResidentGroupSchema = z
  .enum(["elderly_alone", "disabled", "veteran_family", "low_income", "minor", "unemployed", "migrant"])
  .describe("Group (人群类别): 独居老人, 残疾人, 退役军人家庭, 低保/低收入, 未成年人, 失业人员, 流动人口");
export type ResidentGroup = z.infer<typeof ResidentGroupSchema>;

/** Groups that are sensitive personal information: shown only to roles that may unmask. */
export const sensitiveResidentGroups: readonly ResidentGroup[] = ["disabled", "low_income", "minor"];

/** Chinese labels of the groups (import, export, console). */
export const residentGroupLabels: Record<ResidentGroup, string> = {
  elderly_alone: "独居老人",
  disabled: "残疾人",
  veteran_family: "退役军人家庭",
  low_income: "低保低收入",
  minor: "未成年人",
  unemployed: "失业人员",
  migrant: "流动人口",
};

export const RelationToHeadSchema = z
  .enum(["head", "spouse", "child", "parent", "grandchild", "sibling", "other"])
  .describe("Relation to the head of household (与户主关系)");
export type RelationToHead = z.infer<typeof RelationToHeadSchema>;

export const relationLabels: Record<RelationToHead, string> = {
  head: "户主",
  spouse: "配偶",
  child: "子女",
  parent: "父母",
  grandchild: "孙子女",
  sibling: "兄弟姐妹",
  other: "其他",
};

export const LegalBasisSchema = z
  .enum(["consent", "statutory_duty"])
  .describe("Legal basis for holding sensitive data: the person's consent (with its date) or a statutory duty");
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

const DateSchema = z.iso.date().describe("Date, YYYY-MM-DD");
const InputDateSchema = CalendarDateSchema;

const residentFields = {
  phone: PhoneSchema.nullable().optional(),
  address: text({ max: 200 }).nullable().optional().describe("Address to room level (free text)"),
  building: text({ max: 32 }).nullable().optional().describe("Building (楼栋)"),
  unit: text({ max: 32 }).nullable().optional().describe("Unit (单元)"),
  room: text({ max: 32 }).nullable().optional().describe("Room (室)"),
  grid_name: text({ max: 64 }).nullable().optional().describe("Grid (网格) name, free text for now"),
  household_id: UuidSchema.nullable().optional().describe("Household in the same community"),
  relation_to_head: RelationToHeadSchema.nullable().optional(),
  groups: z.array(ResidentGroupSchema).max(7).optional().describe("Groups the resident belongs to"),
  legal_basis: LegalBasisSchema.nullable().optional(),
  consent_date: InputDateSchema.nullable().optional().describe("Date of consent, required when legal_basis is consent"),
};

function consentHasDate(value: { legal_basis?: LegalBasis | null; consent_date?: string | null }): boolean {
  return value.legal_basis !== "consent" || Boolean(value.consent_date);
}

export const ResidentCreateSchema = z
  .strictObject({
    name: text({ max: 64 }).describe("Name"),
    id_number: IdNumberSchema,
    area_code: CommunityCodeSchema,
    ...residentFields,
  })
  .refine(consentHasDate, { message: "CONSENT_DATE_REQUIRED", path: ["consent_date"] });
export type ResidentCreate = z.infer<typeof ResidentCreateSchema>;

export const ResidentUpdateSchema = z.strictObject({
  version: z.number().int().min(1).describe("The version you read"),
  data: z
    .strictObject({ name: text({ max: 64 }).optional().describe("Name"), id_number: IdNumberSchema.optional(), ...residentFields })
    .refine(consentHasDate, { message: "CONSENT_DATE_REQUIRED", path: ["consent_date"] })
    .describe("Fields to change (the community changes through the move endpoint)"),
});
export type ResidentUpdate = z.infer<typeof ResidentUpdateSchema>;

export const ResidentMoveSchema = z.strictObject({
  version: z.number().int().min(1).describe("The version you read"),
  to_area_code: CommunityCodeSchema.describe("The community the resident moves to"),
  reason: text({ max: 200 }).describe("Why (迁出原因)"),
});
export type ResidentMove = z.infer<typeof ResidentMoveSchema>;

export const UnmaskFieldSchema = z.enum(["id_number", "phone"]).describe("A protected field");
export type UnmaskField = z.infer<typeof UnmaskFieldSchema>;

export const ResidentUnmaskSchema = z.strictObject({
  fields: z.array(UnmaskFieldSchema).min(1).max(2).describe("Fields to show in full"),
  purpose: text({ min: 2, max: 200 }).describe("Why you need the full values (recorded in the audit log)"),
});
export type ResidentUnmask = z.infer<typeof ResidentUnmaskSchema>;

export const ResidentUnmaskedSchema = z.object({
  id_number: z.string().nullable().optional().describe("Full ID number"),
  phone: z.string().nullable().optional().describe("Full phone number"),
});
export type ResidentUnmasked = z.infer<typeof ResidentUnmaskedSchema>;

export const ResidentListItemSchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema.describe("Community"),
  area_name: z.string().describe("Community name"),
  name: z.string().describe("Name"),
  gender: GenderSchema.nullable(),
  birth_date: DateSchema.nullable().describe("Birth date"),
  age: z.number().int().nullable().describe("Age in whole years today"),
  id_number_masked: z.string().nullable().describe("ID number, masked (410105********1234)"),
  phone_masked: z.string().nullable().describe("Phone, masked (138****0005)"),
  address: z.string().nullable(),
  building: z.string().nullable(),
  unit: z.string().nullable(),
  room: z.string().nullable(),
  grid_id: UuidSchema.nullable().describe("Grid (defined by the communities module)"),
  grid_name: z.string().nullable(),
  household_id: UuidSchema.nullable(),
  relation_to_head: RelationToHeadSchema.nullable(),
  groups: z.array(ResidentGroupSchema).describe("Groups; sensitive ones only for roles that may unmask"),
  legal_basis: LegalBasisSchema.nullable(),
  consent_date: DateSchema.nullable(),
  version: z.number().int().describe("Version for optimistic concurrency"),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type ResidentListItem = z.infer<typeof ResidentListItemSchema>;

export const ResidentMoveRecordSchema = z.object({
  from_area_code: AreaCodeSchema,
  to_area_code: AreaCodeSchema,
  moved_at: TimestampSchema,
  reason: z.string(),
});

export const ResidentSchema = ResidentListItemSchema.extend({
  can_unmask: z.boolean().describe("True when the caller may see the full ID number and phone"),
  moves: z.array(ResidentMoveRecordSchema).describe("Move history, oldest first"),
});
export type Resident = z.infer<typeof ResidentSchema>;

export const ResidentIdParamsSchema = z.object({ id: UuidSchema });

export const ResidentSortSchema = z
  .enum(["community", "name", "-created_at"])
  .default("community")
  .describe("Order: by community then name (default; an index range scan at any depth), by name, or newest first");

export const ResidentListFilterSchema = z.object({
  area_code: AreaCodeSchema.optional().describe("Jurisdiction prefix (district, street or community)"),
  group: ResidentGroupSchema.optional(),
  gender: GenderSchema.optional(),
  age_min: z.coerce.number().int().min(0).max(150).optional().describe("Minimum age in years"),
  age_max: z.coerce.number().int().min(0).max(150).optional().describe("Maximum age in years"),
  household_id: UuidSchema.optional(),
  q: text({ max: 64 }).optional().describe("Name search; an exact ID number or phone is looked up through the blind index"),
  sort: ResidentSortSchema,
});
export type ResidentListFilter = z.infer<typeof ResidentListFilterSchema>;

export const ResidentListQuerySchema = PageQuerySchema.extend(ResidentListFilterSchema.shape);
export type ResidentListQuery = z.infer<typeof ResidentListQuerySchema>;

export const ResidentPageSchema = pageOf(ResidentListItemSchema);
export type ResidentPage = z.infer<typeof ResidentPageSchema>;

export const HouseholdMemberSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  relation_to_head: RelationToHeadSchema.nullable(),
  gender: GenderSchema.nullable(),
  age: z.number().int().nullable(),
  id_number_masked: z.string().nullable(),
});

export const HouseholdSchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema,
  area_name: z.string(),
  address: z.string().describe("Address of the household"),
  head_resident_id: UuidSchema.nullable(),
  head_name: z.string().nullable(),
  member_count: z.number().int(),
  version: z.number().int(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type Household = z.infer<typeof HouseholdSchema>;

export const HouseholdDetailSchema = HouseholdSchema.extend({
  members: z.array(HouseholdMemberSchema).describe("Members, head first"),
});
export type HouseholdDetail = z.infer<typeof HouseholdDetailSchema>;

export const HouseholdCreateSchema = z.strictObject({
  area_code: CommunityCodeSchema,
  address: text({ max: 200 }).describe("Address of the household"),
  head_resident_id: UuidSchema.nullable().optional().describe("Head; a resident of the same community"),
});
export type HouseholdCreate = z.infer<typeof HouseholdCreateSchema>;

export const HouseholdUpdateSchema = z.strictObject({
  version: z.number().int().min(1).describe("The version you read"),
  data: z.strictObject({
    address: text({ max: 200 }).optional(),
    head_resident_id: UuidSchema.nullable().optional(),
  }),
});
export type HouseholdUpdate = z.infer<typeof HouseholdUpdateSchema>;

export const HouseholdListQuerySchema = PageQuerySchema.extend({
  area_code: AreaCodeSchema.optional().describe("Jurisdiction prefix"),
  q: text({ max: 64 }).optional().describe("Search by address or the head's name"),
});
export type HouseholdListQuery = z.infer<typeof HouseholdListQuerySchema>;

export const HouseholdPageSchema = pageOf(HouseholdSchema);
export type HouseholdPage = z.infer<typeof HouseholdPageSchema>;

/**
 * Resident accounts (居民账号) linked to the register: a resident's sign-in account points to their
 * own resident record, by community staff (who pick the record) or by the resident (name, ID number
 * and phone must all match). Self-reported needs then carry the resident, and resident-group rules apply.
 */
export const ResidentLinkMethodSchema = z
  .enum(["staff", "self"])
  .describe("How the link was made: by community staff, or by the resident proving name, ID number and phone");
export type ResidentLinkMethod = z.infer<typeof ResidentLinkMethodSchema>;

/** The link as the account holder sees it (GET /me, POST /me/resident-link). */
export const ResidentOwnLinkSchema = z.object({
  resident_id: UuidSchema.describe("The linked resident record"),
  name_masked: z.string().describe("Name of the linked record, masked (王*明)"),
  area_code: AreaCodeSchema.describe("Community of the linked record"),
  method: ResidentLinkMethodSchema,
  linked_at: TimestampSchema,
});
export type ResidentOwnLink = z.infer<typeof ResidentOwnLinkSchema>;

/** POST /me/resident-link: the resident proves who they are; all three must match one record of their community. */
export const ResidentSelfLinkSchema = z.strictObject({
  name: text({ max: 64 }).describe("Name as registered"),
  id_number: IdNumberSchema,
  phone: PhoneSchema.describe("Phone as registered"),
});
export type ResidentSelfLink = z.infer<typeof ResidentSelfLinkSchema>;

/** A resident account in the staff's scope, with the record it is linked to. */
export const ResidentAccountSchema = z.object({
  user_id: UuidSchema.describe("The account"),
  login: z.string().describe("Login name"),
  display_name: z.string().describe("Name shown in the console"),
  area_code: AreaCodeSchema.describe("Community of the account's resident membership"),
  area_name: z.string().describe("Community name"),
  resident: z
    .object({
      id: UuidSchema,
      name: z.string().describe("Name"),
      id_number_masked: z.string().nullable().describe("ID number, masked"),
    })
    .nullable()
    .describe("The linked resident record, or null"),
  method: ResidentLinkMethodSchema.nullable().describe("How it was linked (null when not linked)"),
  linked_at: TimestampSchema.nullable(),
});
export type ResidentAccount = z.infer<typeof ResidentAccountSchema>;
export const ResidentAccountPageSchema = pageOf(ResidentAccountSchema);
export type ResidentAccountPage = z.infer<typeof ResidentAccountPageSchema>;

export const ResidentAccountListQuerySchema = PageQuerySchema.extend({
  area_code: AreaCodeSchema.optional().describe("Jurisdiction prefix (street or community)"),
  linked: z.enum(["true", "false"]).optional().describe("Only linked (true) or only unlinked (false) accounts"),
  resident_id: UuidSchema.optional().describe("The account linked to this resident record"),
  q: text({ max: 64 }).optional().describe("Words in the login or display name"),
});
export type ResidentAccountListQuery = z.infer<typeof ResidentAccountListQuerySchema>;

export const ResidentAccountParamsSchema = z.object({ user_id: UuidSchema });

/** PUT /resident-accounts/{user_id}/link: staff pick the resident record (of the account's community). */
export const ResidentLinkSetSchema = z.strictObject({
  resident_id: UuidSchema.describe("The resident record to link; replaces an earlier link"),
});
export type ResidentLinkSet = z.infer<typeof ResidentLinkSetSchema>;

/** GET /residents/count: how many residents match the list filters. */
export const ResidentCountSchema = z.object({ count: z.number().int().describe("Number of residents") });
export type ResidentCount = z.infer<typeof ResidentCountSchema>;

/** POST /residents/{id}/move: the resident and their new community. */
export const ResidentMovedSchema = z.object({ id: z.uuid().describe("Resident"), area_code: z.string().describe("The new community") });
export type ResidentMoved = z.infer<typeof ResidentMovedSchema>;

const tags = ["residents"] as const;

/** The residents register (居民): residents, households, and resident accounts linked to it. */
export const residentEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/residents",
    summary: "List residents in your jurisdiction (ID number and phone masked)",
    tags,
    access: "residents.read",
    query: ResidentListQuerySchema,
    status: 200,
    response: ResidentPageSchema,
  }),
  count: endpoint({
    method: "GET",
    path: "/residents/count",
    summary: "Count residents matching the list filters in your jurisdiction",
    tags,
    access: "residents.read",
    query: ResidentListFilterSchema,
    status: 200,
    response: ResidentCountSchema,
  }),
  create: endpoint({
    method: "POST",
    path: "/residents",
    summary: "Register a resident; one registration per ID number in the city",
    tags,
    access: "residents.write",
    body: ResidentCreateSchema,
    status: 201,
    response: ResidentSchema,
    problems: [409, 422],
  }),
  get: endpoint({
    method: "GET",
    path: "/residents/:id",
    summary: "One resident (masked) with the move history",
    tags,
    access: "residents.read",
    params: ResidentIdParamsSchema,
    status: 200,
    response: ResidentSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/residents/:id",
    summary: "Change a resident's data (send the version you read)",
    tags,
    access: "residents.write",
    params: ResidentIdParamsSchema,
    body: ResidentUpdateSchema,
    status: 200,
    response: ResidentSchema,
    problems: [409, 422],
  }),
  move: endpoint({
    method: "POST",
    path: "/residents/:id/move",
    summary: "Move a resident to another community; the old community loses access at once",
    tags,
    access: "residents.write",
    params: ResidentIdParamsSchema,
    body: ResidentMoveSchema,
    status: 200,
    response: ResidentMovedSchema,
    problems: [409, 422],
  }),
  unmask: endpoint({
    method: "POST",
    path: "/residents/:id/unmask",
    summary: "Show the full ID number or phone for a stated purpose (audited)",
    tags,
    access: "residents.unmask",
    params: ResidentIdParamsSchema,
    body: ResidentUnmaskSchema,
    status: 200,
    response: ResidentUnmaskedSchema,
  }),
  households: endpoint({
    method: "GET",
    path: "/households",
    summary: "List households in your jurisdiction",
    tags,
    access: "residents.read",
    query: HouseholdListQuerySchema,
    status: 200,
    response: HouseholdPageSchema,
  }),
  createHousehold: endpoint({
    method: "POST",
    path: "/households",
    summary: "Register a household",
    tags,
    access: "residents.write",
    body: HouseholdCreateSchema,
    status: 201,
    response: HouseholdDetailSchema,
    problems: [409, 422],
  }),
  household: endpoint({
    method: "GET",
    path: "/households/:id",
    summary: "One household with its members (masked)",
    tags,
    access: "residents.read",
    params: ResidentIdParamsSchema,
    status: 200,
    response: HouseholdDetailSchema,
  }),
  updateHousehold: endpoint({
    method: "PATCH",
    path: "/households/:id",
    summary: "Change a household's address or head (send the version you read)",
    tags,
    access: "residents.write",
    params: ResidentIdParamsSchema,
    body: HouseholdUpdateSchema,
    status: 200,
    response: HouseholdDetailSchema,
    problems: [409, 422],
  }),
};

/** Resident accounts and their link to the register: staff link and unlink; a resident links themself and reads their own record. */
export const residentAccountEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/resident-accounts",
    summary: "List resident accounts in your jurisdiction, with the record each is linked to",
    tags,
    access: "residents.write",
    query: ResidentAccountListQuerySchema,
    status: 200,
    response: ResidentAccountPageSchema,
  }),
  link: endpoint({
    method: "PUT",
    path: "/resident-accounts/:user_id/link",
    summary: "Link a resident account to its resident record (of the account's community; audited)",
    tags,
    access: "residents.write",
    params: ResidentAccountParamsSchema,
    body: ResidentLinkSetSchema,
    status: 200,
    response: ResidentAccountSchema,
    problems: [409, 422],
  }),
  unlink: endpoint({
    method: "DELETE",
    path: "/resident-accounts/:user_id/link",
    summary: "Remove a resident account's link to the register (audited)",
    tags,
    access: "residents.write",
    params: ResidentAccountParamsSchema,
    status: 204,
    response: z.null().describe("Unlinked"),
    problems: [409, 422],
  }),
  linkOwn: endpoint({
    method: "POST",
    path: "/me/resident-link",
    summary: "Link your resident account to your record: name, ID number and phone must all match (rate-limited)",
    tags,
    access: "authenticated",
    body: ResidentSelfLinkSchema,
    status: 200,
    response: ResidentOwnLinkSchema,
    problems: [409, 422, 429],
  }),
  own: endpoint({
    method: "GET",
    path: "/me/resident",
    summary: "Your own resident record (linked accounts; masked, never unmasked here)",
    tags,
    access: "authenticated",
    status: 200,
    response: ResidentSchema,
  }),
};
