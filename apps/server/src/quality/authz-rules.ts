/**
 * The machinery of the authorization matrix of QUALITY.md §1: roles, positions, the world the test builds,
 * and the rules the tables are written with. The tables themselves live with the code that registers the
 * routes: each module's `modules/<m>/test/authz.ts` (each open interface's `open/<x>/test/authz.ts`, the
 * platform's own routes in authz-platform.ts) exports `authz`: every route it registers ("METHOD /path", as
 * Fastify registers it) → how to reach its target record in each position, and the answer each role should
 * get there (an `AuthzTable`). authz-matrix.db.test.ts finds those files by their path, walks them on a
 * fresh demo world, and fails when a registered route has no entry or an entry names no route.
 *
 * The walker answers the access layer itself (anonymous on a protected route → 401, a role without the
 * route's permission → 403), so `expect` describes only roles that pass it: 200 (full), "masked" (200
 * without the plaintext personal value), 404 (out of scope: the record is not confirmed to exist), 403
 * (in scope, not allowed), "denied" (403 or 404: a create in an area the caller does not govern),
 * "empty" (200 with no rows: a list or aggregate filtered outside the caller's scope), or "allowed" for
 * writes (anything but 401/403/404 and 5xx: the minimal body may still be refused as stale, invalid or in
 * the wrong state, after access passed).
 *
 * All roles sit around one spot: 丰乐社区 (410105007002) of 南阳新村街道 (410105007) in 金水区 (410105),
 * the demo agency (org A, home 410105), the demo department (金水区民政局, 410105), and the demo resident.
 * Positions place the target record:
 *  own              in 丰乐社区 / of org A / of the resident (for a social worker: a resident they serve)
 *  siblingCommunity in another community of 南阳新村街道
 *  otherStreet      in a community of another street of 金水区
 *  otherDistrict    in 二七区
 *  otherOrg         of another organization (home 金水区, working in 丰乐社区)
 *  otherResident    of another resident of 丰乐社区 (for a social worker: one they do not serve)
 *  anonymous        the own target without a session
 */

export const roles = [
  "city",
  "district",
  "street",
  "community",
  "org",
  "worker",
  "evaluator",
  "resident",
  "auditor",
  "department",
  "anonymous",
] as const;
export type Role = (typeof roles)[number];
export const positions = ["own", "siblingCommunity", "otherStreet", "otherDistrict", "otherOrg", "otherResident"] as const;
export type Position = (typeof positions)[number];
export type Expected = 200 | "masked" | "empty" | 403 | 404 | "denied" | "allowed" | 401 | 422;

/** What the table needs from the world the test builds: area codes and record ids per position. */
export type World = {
  areas: Record<"own" | "siblingCommunity" | "otherStreet" | "otherDistrict", { community: string; street: string; district: string }>;
  ids: Record<string, Partial<Record<Position, string>>>;
  /** Personal values that must not appear in a masked answer, by resource and position. */
  secrets: Record<string, Partial<Record<Position, string>>>;
  /** Builds a target that one cell may consume (a delete), per position. */
  fresh: Record<string, (position: Position) => Promise<string | undefined>>;
  /** The version a record has now (writes that must not be stale to reach their rule). */
  version(table: string, id: string): Promise<number>;
  /** A column's current value (as text, or null). */
  value(table: string, id: string, column: string): Promise<string | null>;
};

export type Target = {
  url: string;
  body?: unknown;
  /** Logins that stand in for a role's demo account in this cell (an account of the same role in another state). */
  signInAs?: Partial<Record<Role, string>>;
};
export type Entry = {
  at: (world: World, position: Position) => Target | undefined | Promise<Target | undefined>;
  expect: (role: Role, position: Position) => Expected;
};

/** Positions whose area lies in each role's jurisdiction (the area of its membership). */
export const inArea: Record<Role, readonly Position[]> = {
  city: positions,
  district: ["own", "siblingCommunity", "otherStreet", "otherOrg", "otherResident"],
  street: ["own", "siblingCommunity", "otherOrg", "otherResident"],
  community: ["own", "otherOrg", "otherResident"],
  org: ["own", "siblingCommunity", "otherStreet", "otherOrg", "otherResident"],
  worker: ["own", "otherOrg", "otherResident"],
  evaluator: positions,
  resident: ["own", "otherOrg", "otherResident"],
  auditor: positions,
  // the demo department (金水区民政局) sits at its district
  department: ["own", "siblingCommunity", "otherStreet", "otherOrg", "otherResident"],
  anonymous: [],
};

/** Roles whose jurisdiction holds a whole street or district (a community-level role holds neither). */
const holdsStreet: readonly Role[] = ["city", "district", "street", "org", "evaluator", "auditor", "department"];
const holdsDistrict: readonly Role[] = ["city", "district", "org", "evaluator", "auditor", "department"];

export type Rule = Entry["expect"];
export type Overrides = Partial<Record<Role, Expected | Partial<Record<Position, Expected>>>>;

/** In scope → ok, out of scope → 404. */
export function scoped(ok: Expected = 200, overrides: Overrides = {}): Rule {
  return (role, position) => {
    const override = overrides[role];
    if (override !== undefined) {
      if (typeof override !== "object") {
        return override;
      }
      const cell = override[position];
      if (cell !== undefined) {
        return cell;
      }
    }
    return inArea[role].includes(position) ? ok : 404;
  };
}

/** Like scoped, for records or filters at street (or district) level: community-level roles never hold them. */
export function scopedAt(level: "street" | "district", ok: Expected = 200, overrides: Overrides = {}): Rule {
  const base = scoped(ok, overrides);
  return (role, position) => {
    const holds = level === "street" ? holdsStreet : holdsDistrict;
    if (overrides[role] === undefined && !holds.includes(role)) {
      return 404;
    }
    return base(role, position);
  };
}

/** A list filtered by area: in scope 200, outside it 200 with no rows (the filter meets the scope in SQL). */
export function listed(overrides: Overrides = {}): Rule {
  const base = scoped(200, overrides);
  return (role, position) => {
    const answer = base(role, position);
    return answer === 404 ? "empty" : answer;
  };
}

/** A create in the position's area: allowed where the role governs it, refused (403 or 404) elsewhere. */
export function creates(where: Partial<Record<Role, readonly Position[]>>, otherwise: Expected = "denied"): Rule {
  return (role, position) => (where[role]?.includes(position) ? "allowed" : otherwise);
}

/** The same answer wherever the target is (collections, the caller's own things, public routes). */
export function always(ok: Expected = 200, overrides: Overrides = {}): Rule {
  return (role, position) => {
    const override = overrides[role];
    if (override !== undefined) {
      return typeof override === "object" ? (override[position] ?? ok) : override;
    }
    return ok;
  };
}

/** Only these roles see it (in their area); everyone else who passes access gets 404. */
export function only(rolesSeeing: Partial<Record<Role, readonly Position[] | "area">>, ok: Expected = 200): Rule {
  return (role, position) => {
    const seen = rolesSeeing[role];
    if (!seen) {
      return 404;
    }
    return (seen === "area" ? inArea[role] : seen).includes(position) ? ok : 404;
  };
}

export const url =
  (template: string, resource: string, extra: Record<string, string> = {}, body?: unknown) =>
  (world: World, position: Position) => {
    const id = world.ids[resource]?.[position];
    if (!id) {
      return undefined;
    }
    let path = template.replace(/:id\b/, id);
    for (const [param, source] of Object.entries(extra)) {
      const value = world.ids[source]?.[position];
      if (!value) {
        return undefined;
      }
      path = path.replace(`:${param}`, value);
    }
    return { url: path, ...(body !== undefined ? { body } : {}) };
  };

export type Level = "community" | "street" | "district";
/** A collection filtered by an area parameter: the position is the area's (own, sibling, other street, other district). */
export const byArea = (template: string, level: Level) => (world: World, position: Position) => {
  if (!(position in world.areas)) {
    return undefined;
  }
  if ((level !== "community" && position === "siblingCommunity") || (level === "district" && position === "otherStreet")) {
    return undefined;
  }
  const area = world.areas[position as keyof World["areas"]][level];
  return { url: template.replace("{area}", area) };
};
/** A create whose position is the area in its body. */
export const createIn =
  (path: string, level: Level, field = "area_code", extra: Record<string, unknown> = {}) =>
  (world: World, position: Position) => {
    const target = byArea(path, level)(world, position);
    if (!target) {
      return undefined;
    }
    const area = world.areas[position as keyof World["areas"]][level];
    return { url: path, body: { [field]: area, ...extra } };
  };
/** The caller's own collection or singleton: no position but "own". */
export const mine = (path: string, body?: unknown) => (_world: World, position: Position) =>
  position === "own" ? { url: path, ...(body !== undefined ? { body } : {}) } : undefined;

export const stale = { version: 999_999 };

/** A cell (route × role × position) whose answer is known to differ from QUALITY.md §1, and why. */
export type Cell = { route: string; role: Role; position: Position | "anonymous"; why: string };

/** The same difference at several roles and positions of one route. */
export function cells(route: string, why: string, where: readonly (readonly [Role, Position | "anonymous"])[]): Cell[] {
  return where.map(([role, position]) => ({ route, role, position, why }));
}

/**
 * A list, counted against its detail route: a record appears in a role's list exactly where the role
 * reads its detail (200), so totals and lists leak nothing the detail hides. `resource` names the ids of
 * the positions (World.ids).
 */
export type ListEntry = { list: string; url: string; detail: string; resource: string; positions?: readonly Position[] };

/** What a `test/authz.ts` exports: its routes' entries, and optionally its lists and known differences. */
export type AuthzTable = {
  /** QUALITY.md §1 for each route. Comments name the rule; overrides are where a role's reach differs from its area. */
  authz: Record<string, Entry>;
  lists?: ListEntry[];
  /**
   * Cells whose answer differs today and is being fixed on another branch. The walker asserts that each
   * STILL differs, so it fails loudly once the fix lands: then delete the entry.
   */
  pendingFixes?: Cell[];
  /**
   * Cells the matrix found differing from QUALITY.md §1 that nobody is fixing yet as far as it knows
   * (reported, not papered over): asserted to still differ, like pendingFixes, so the fix must delete them.
   */
  openFindings?: Cell[];
};
