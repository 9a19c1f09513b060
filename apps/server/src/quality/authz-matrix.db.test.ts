import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Permission } from "@sanshe/contracts";
import { as, createTestApp, signIn, testPassword, type TestApp } from "../../test/test-app.js";
import { seedDemo } from "../platform/seed.js";
import { queryRows } from "../platform/db/client.js";
import { permissionsOf } from "../platform/auth/permissions.js";
import type { Access } from "../platform/http/access.js";
import { modules } from "../modules/registry.js";
import { buildUser } from "../modules/users/test/factories.js";
import { buildSocialOrg } from "../modules/social-orgs/test/factories.js";
import { buildFacility, buildGrid } from "../modules/communities/test/factories.js";
import { buildSocialWorker } from "../modules/social-workers/test/factories.js";
import { buildResident } from "../modules/residents/test/factories.js";
import { buildService } from "../modules/services-directory/test/factories.js";
import { buildDepartment } from "../modules/admin-tasks/test/factories.js";
import { example, type Schema } from "./openapi-bodies.js";
import { authz as platformTable } from "./authz-platform.js";
import {
  positions,
  roles,
  type AuthzTable,
  type Entry,
  type Expected,
  type ListEntry,
  type Position,
  type Role,
  type World,
} from "./authz-rules.js";

/**
 * Walks the authorization tables (every `modules/<m>/test/authz.ts` and `open/<x>/test/authz.ts`, found by
 * path, plus authz-platform.ts; authz-rules.ts describes them) on a fresh demo world: every route × every
 * role × every position the route's target exists in. The demo accounts are the roles (README "Demo
 * accounts"); the records in other positions are built here with the modules' factories or cloned from
 * demo rows with another area or organization.
 */

const src = fileURLToPath(new URL("..", import.meta.url));

/**
 * The tables, found by path: a module's (in registry order, so the walk's writes keep that order) or an
 * open interface's `test/authz.ts`. Adding one needs no line here.
 */
async function collectTables(): Promise<{ file: string; table: AuthzTable }[]> {
  const order = modules.map((module) => module.name);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const files = ["modules", "open"].flatMap((folder) =>
    readdirSync(path.join(src, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(src, folder, entry.name, "test", "authz.ts")))
      .map((entry) => entry.name)
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
      .map((name) => `${folder}/${name}/test/authz.ts`),
  );
  const tables: { file: string; table: AuthzTable }[] = [{ file: "quality/authz-platform.ts", table: { authz: platformTable } }];
  for (const file of files) {
    const table = (await import(path.join(src, file))) as Partial<AuthzTable>;
    if (!table.authz) {
      throw new Error(`${file} exports no authz table`);
    }
    tables.push({ file, table: table as AuthzTable });
  }
  return tables;
}

const tables = await collectTables();
const routeTable: Record<string, Entry> = {};
for (const { file, table } of tables) {
  for (const [key, entry] of Object.entries(table.authz)) {
    if (key in routeTable) {
      throw new Error(`${key} has an entry in two tables (one is ${file})`);
    }
    routeTable[key] = entry;
  }
}
const listTable: ListEntry[] = tables.flatMap(({ table }) => table.lists ?? []);
const pendingFixes = tables.flatMap(({ table }) => table.pendingFixes ?? []);
const openFindings = tables.flatMap(({ table }) => table.openFindings ?? []);

const logins: Record<Exclude<Role, "anonymous">, string> = {
  city: "demo-city",
  district: "demo-district",
  street: "demo-street",
  community: "demo-community",
  org: "demo-org",
  worker: "demo-worker",
  evaluator: "demo-evaluator",
  resident: "demo-resident",
  auditor: "demo-auditor",
  department: "demo-department",
};

type Cell = {
  route: string;
  role: Role;
  position: Position | "anonymous";
  expected: Expected;
  actual: string;
  ok: boolean;
  detail?: string;
};

let t: TestApp;
let world: World;
const cookies = new Map<Role, string>();
const permissions = new Map<Role, Permission[]>();
const cells: Cell[] = [];
let bodies = new Map<string, Schema>();

async function one<T>(query: ReturnType<typeof sql>): Promise<T | undefined> {
  const [row] = await queryRows<Record<string, T>>(t.database.db, query);
  return row ? Object.values(row)[0] : undefined;
}

function literal(value: string | null): string {
  return value === null ? "NULL" : `'${value.replaceAll("'", "''")}'`;
}

/** Copies a row under a new id with some columns changed (a record in another position). */
async function clone(table: string, id: string, changes: Record<string, string | null>): Promise<string> {
  const columns = (
    await queryRows<{ column_name: string }>(
      t.database.db,
      sql`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table} ORDER BY ordinal_position`,
    )
  ).map((row) => row.column_name);
  const newId = randomUUID();
  const values = columns.map((column) =>
    column === "id" ? literal(newId) : column in changes ? literal(changes[column] ?? null) : `"${column}"`,
  );
  await t.database.db.execute(
    sql.raw(
      `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) SELECT ${values.join(", ")} FROM "${table}" WHERE id = ${literal(id)}`,
    ),
  );
  return newId;
}

async function firstCommunity(prefix: string, except = ""): Promise<string> {
  return (
    (await one<string>(
      sql`SELECT code FROM areas WHERE level = 'community' AND code LIKE ${`${prefix}%`} AND code <> ${except} ORDER BY code LIMIT 1`,
    )) ?? ""
  );
}

async function buildWorld(): Promise<World> {
  const own = { community: "410105007002", street: "410105007", district: "410105" };
  const siblingCommunity = { ...own, community: await firstCommunity("410105007", own.community) };
  const otherStreetCommunity = await firstCommunity("410105001");
  const otherDistrictCommunity = await firstCommunity("410103");
  const areas = {
    own,
    siblingCommunity,
    otherStreet: { community: otherStreetCommunity, street: otherStreetCommunity.slice(0, 9), district: "410105" },
    otherDistrict: { community: otherDistrictCommunity, street: otherDistrictCommunity.slice(0, 9), district: "410103" },
  };
  const placed = ["own", "siblingCommunity", "otherStreet", "otherDistrict"] as const;
  const ids: World["ids"] = {};
  const secrets: World["secrets"] = { resident: {} };
  const orgA =
    (await one<string>(sql`SELECT m.organization_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.login = 'demo-org'`)) ?? "";
  const orgB = (await buildSocialOrg.registered(t.ctx, "410105", { serviceAreas: [own.community] })).id;
  const orgC = (await buildSocialOrg.registered(t.ctx, "410103")).id;
  const servingOrg = (await buildSocialOrg.registered(t.ctx, "410103", { serviceAreas: ["410105007"] })).id;

  ids.area = Object.fromEntries(placed.map((p) => [p, areas[p].community]));
  ids.org = { own: orgA, otherOrg: orgB, otherDistrict: orgC };
  ids.servingOrg = { own: orgA, otherDistrict: servingOrg };
  ids.facility = {};
  ids.grid = {};
  for (const p of placed) {
    ids.facility[p] = (await buildFacility(t.ctx, areas[p].community, "activity_room")).id;
    ids.grid[p] = (await buildGrid(t.ctx, areas[p].community)).id;
  }

  // Accounts: throwaways per position (password resets and membership changes must not touch the roles).
  ids.user = {};
  ids.membership = {};
  for (const p of placed) {
    const user = await buildUser(t.ctx, [
      { role: "community_staff", area_code: areas[p].community },
      { role: "resident", area_code: areas[p].community },
    ]);
    ids.user[p] = user.id;
    ids.membership[p] = (await one<string>(sql`SELECT id FROM memberships WHERE user_id = ${user.id} AND role = 'resident'`)) ?? "";
  }

  // An account locked by failed sign-ins (the lockout's answer is one cell of the table).
  const locked = await buildUser(t.ctx, [{ role: "resident", area_code: own.community }]);
  for (let attempt = 0; attempt < t.config.loginMaxFailures; attempt += 1) {
    await t.app.inject({ method: "POST", url: "/api/v1/session", payload: { login: locked.login, password: "Wrong-password-2026" } });
  }
  ids.lockedLogin = { own: locked.login };
  // A resident account not linked to the register (POST /me/resident-link answers it, not the demo resident).
  ids.unlinkedResidentLogin = { own: (await buildUser(t.ctx, [{ role: "resident", area_code: own.community }])).login };

  const demoWorker =
    (await one<string>(sql`SELECT s.id FROM social_workers s JOIN users u ON u.id = s.user_id WHERE u.login = 'demo-worker'`)) ?? "";
  ids.socialWorker = {
    own: demoWorker,
    otherOrg: (await buildSocialWorker(t.ctx, { organizationId: orgB, areaCode: own.community, communities: [own.community] })).id,
    otherDistrict: (
      await buildSocialWorker(t.ctx, {
        organizationId: orgC,
        areaCode: areas.otherDistrict.community,
        communities: [areas.otherDistrict.community],
      })
    ).id,
  };

  // Residents: "own" is one the demo worker serves (has a case of); the others are built here.
  const demoCase =
    (await one<string>(
      sql`SELECT c.id FROM cases c WHERE c.worker_id = ${demoWorker} ORDER BY (SELECT count(*) FROM case_goals g WHERE g.case_id = c.id) DESC, c.created_at LIMIT 1`,
    )) ?? "";
  ids.case = { own: demoCase };
  ids.caseGoal = { own: (await one<string>(sql`SELECT id FROM case_goals WHERE case_id = ${demoCase} LIMIT 1`)) ?? "" };
  ids.resident = { own: (await one<string>(sql`SELECT resident_id FROM cases WHERE id = ${demoCase}`)) ?? "" };
  for (const p of ["siblingCommunity", "otherStreet", "otherDistrict", "otherResident"] as const) {
    const area = p === "otherResident" ? own.community : areas[p].community;
    const resident = await buildResident(t.ctx, { area_code: area });
    ids.resident[p] = resident.id;
    secrets.resident![p] = resident.idNumber;
  }
  // Resident accounts to link (PUT/DELETE /resident-accounts/:user_id/link) and a record of the same
  // community to link each to, per position (not the accounts above: their memberships are removed).
  ids.linkUser = {};
  ids.linkResident = {};
  for (const p of placed) {
    ids.linkUser[p] = (await buildUser(t.ctx, [{ role: "resident", area_code: areas[p].community }])).id;
    ids.linkResident[p] = (await buildResident(t.ctx, { area_code: areas[p].community })).id;
  }
  // A case of another organization's worker in the same community (confidential to them).
  ids.case.otherOrg = await clone("cases", demoCase, {
    worker_id: ids.socialWorker.otherOrg!,
    resident_id: ids.resident.otherResident!,
    referral_id: null,
    need_id: null,
  });
  ids.case.otherDistrict = await clone("cases", demoCase, {
    area_code: areas.otherDistrict.community,
    worker_id: ids.socialWorker.otherDistrict!,
    resident_id: ids.resident.otherDistrict!,
    referral_id: null,
    need_id: null,
  });

  const household = (await one<string>(sql`SELECT id FROM households WHERE area_code = ${own.community} LIMIT 1`)) ?? "";
  ids.household = { own: household };
  for (const p of ["siblingCommunity", "otherStreet", "otherDistrict"] as const) {
    ids.household[p] = await clone("households", household, { area_code: areas[p].community, head_resident_id: null });
  }

  // Needs: the resident's own (routed to org A by 南阳新村's rules), another resident's, and Open311 ones elsewhere.
  const residentClient = as(t.app, cookies.get("resident")!);
  const ownNeed = await residentClient.post("/api/v1/needs", { category: "elderly_care", description: "母亲独居，希望上门助餐" });
  expect(ownNeed.statusCode, ownNeed.body).toBe(201);
  const neighbour = await buildUser(t.ctx, [{ role: "resident", area_code: own.community }]);
  const neighbourNeed = await as(t.app, await signIn(t.app, neighbour.login)).post("/api/v1/needs", {
    category: "elderly_care",
    description: "邻居的需求",
  });
  expect(neighbourNeed.statusCode, neighbourNeed.body).toBe(201);
  ids.need = { own: ownNeed.json<{ id: string }>().id, otherResident: neighbourNeed.json<{ id: string }>().id };
  for (const p of ["siblingCommunity", "otherStreet", "otherDistrict"] as const) {
    const response = await t.app.inject({
      method: "POST",
      url: "/open311/v2/requests.json",
      payload: {
        api_key: "demo-open311-key",
        service_code: "repairs",
        jurisdiction_id: areas[p].community,
        description: "路灯不亮",
        first_name: "李",
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    ids.need[p] = response.json<Array<{ service_request_id: string }>>()[0]?.service_request_id ?? "";
  }
  ids.needAttachment = { own: randomUUID() };

  ids.referral = {
    own:
      (await one<string>(
        sql`SELECT id FROM referrals WHERE provider_kind = 'organization' AND provider_id = ${orgA} ORDER BY created_at DESC LIMIT 1`,
      )) ?? "",
  };
  ids.referral.otherOrg = await clone("referrals", ids.referral.own!, { provider_id: orgB });
  ids.routingRule = { own: (await one<string>(sql`SELECT id FROM routing_rules WHERE area_code = ${own.street} LIMIT 1`)) ?? "" };
  ids.routingRule.otherDistrict = await clone("routing_rules", ids.routingRule.own!, { area_code: areas.otherDistrict.street });

  ids.service = {
    own: (await buildService(t.ctx, own.community, { organizationId: orgA })).id,
    otherOrg: (await buildService(t.ctx, own.community, { organizationId: orgB })).id,
    siblingCommunity: (await buildService(t.ctx, siblingCommunity.community)).id,
    otherDistrict: (await buildService(t.ctx, areas.otherDistrict.community, { organizationId: orgC })).id,
  };

  const call = (await one<string>(sql`SELECT id FROM calls WHERE area_code = ${own.street} ORDER BY created_at LIMIT 1`)) ?? "";
  ids.call = {
    own: call,
    otherDistrict: await clone("calls", call, { area_code: areas.otherDistrict.street, ocid: `ocds-sanshe-${randomUUID()}` }),
  };
  ids.ocid = { own: (await one<string>(sql`SELECT ocid FROM calls WHERE id = ${call}`)) ?? "" };
  ids.application = {
    own: (await one<string>(sql`SELECT id FROM applications WHERE org_id = ${orgA} ORDER BY created_at LIMIT 1`)) ?? "",
    otherOrg: (await one<string>(sql`SELECT id FROM applications WHERE org_id <> ${orgA} ORDER BY created_at LIMIT 1`)) ?? "",
  };
  // org A's contract, the evaluated one first (its evaluator is the demo evaluator)
  const contract =
    (await one<string>(
      sql`SELECT c.id FROM project_contracts c WHERE c.org_id = ${orgA} ORDER BY (c.id IN (SELECT contract_id FROM project_evaluations)) DESC, c.created_at LIMIT 1`,
    )) ?? "";
  const contractApplication = (await one<string>(sql`SELECT application_id FROM project_contracts WHERE id = ${contract}`)) ?? "";
  const otherApplication = await clone("applications", contractApplication, { org_id: orgB });
  ids.contract = {
    own: contract,
    otherOrg: await clone("project_contracts", contract, { org_id: orgB, application_id: otherApplication }),
  };
  ids.evaluatedContract = { own: (await one<string>(sql`SELECT contract_id FROM project_evaluations LIMIT 1`)) ?? "" };
  ids.milestone = {
    own: (await one<string>(sql`SELECT id FROM milestones WHERE contract_id = ${contract} ORDER BY position LIMIT 1`)) ?? "",
  };
  ids.milestoneReport = { own: (await one<string>(sql`SELECT id FROM milestone_reports ORDER BY submitted_at LIMIT 1`)) ?? "" };
  // Funding ledger entries: 丰乐社区's and a sibling community's, a 二七区 community's, and org B's (home 金水区).
  const ledgerRow = (await one<string>(sql`SELECT id FROM funding_ledger WHERE org_id = ${orgA} AND source = 'donation' LIMIT 1`)) ?? "";
  const communityLedgerRow = (area: string) =>
    clone("funding_ledger", ledgerRow, { holder_kind: "community", org_id: null, area_code: area, voucher_no: null });
  ids.ledgerEntry = {
    own: await communityLedgerRow(own.community),
    siblingCommunity: await communityLedgerRow(siblingCommunity.community),
    otherDistrict: await communityLedgerRow(areas.otherDistrict.community),
    otherOrg: await clone("funding_ledger", ledgerRow, { org_id: orgB, voucher_no: null }),
  };
  ids.ledgerAttachment = { own: randomUUID(), siblingCommunity: randomUUID(), otherDistrict: randomUUID(), otherOrg: randomUUID() };
  for (const key of ["applicationAttachment", "contractAttachment", "announcementAttachment"]) {
    ids[key] = { own: randomUUID(), otherOrg: randomUUID(), otherDistrict: randomUUID() };
  }

  const meeting =
    (await one<string>(sql`SELECT id FROM meetings WHERE area_code LIKE ${`${own.street}%`} ORDER BY starts_at LIMIT 1`)) ?? "";
  ids.meeting = {
    own: meeting,
    otherDistrict: await clone("meetings", meeting, { area_code: areas.otherDistrict.street, sign_in_token: randomUUID() }),
  };
  ids.agendaItem = { own: (await one<string>(sql`SELECT id FROM meeting_agenda_items WHERE meeting_id = ${meeting} LIMIT 1`)) ?? "" };
  ids.invitee = { own: (await one<string>(sql`SELECT id FROM meeting_invitees WHERE meeting_id = ${meeting} LIMIT 1`)) ?? "" };
  const actionItem = (await one<string>(sql`SELECT id FROM action_items ORDER BY created_at LIMIT 1`)) ?? "";
  ids.actionItem = {
    own: actionItem,
    // owned by the 二七区 organization, so org A has no part in it
    otherDistrict: await clone("action_items", actionItem, {
      area_code: areas.otherDistrict.street,
      meeting_id: ids.meeting.otherDistrict!,
      owner_organization_id: orgC,
      owner_user_id: ids.user.otherDistrict!,
    }),
  };
  const announcement =
    (await one<string>(sql`SELECT id FROM announcements WHERE area_code = ${own.street} ORDER BY created_at LIMIT 1`)) ?? "";
  ids.announcement = {
    own: announcement,
    otherDistrict: await clone("announcements", announcement, { area_code: areas.otherDistrict.street }),
  };
  // Leadership: 南阳新村街道's demo group (and its responsibility) and 金水区's demo plan, cloned elsewhere.
  const leadershipGroup = (await one<string>(sql`SELECT id FROM leadership_groups WHERE area_code = ${own.street} LIMIT 1`)) ?? "";
  const groupAt = async (street: string) =>
    clone("leadership_groups", leadershipGroup, { area_code: street, name: `矩阵领导小组 ${street}` });
  ids.leadershipGroup = {
    own: leadershipGroup,
    otherStreet: await groupAt(areas.otherStreet.street),
    otherDistrict: await groupAt(areas.otherDistrict.street),
  };
  const responsibility =
    (await one<string>(sql`SELECT id FROM leadership_responsibilities WHERE group_id = ${leadershipGroup} ORDER BY id LIMIT 1`)) ?? "";
  const responsibilityAt = async (position: "own" | "otherStreet" | "otherDistrict") =>
    clone("leadership_responsibilities", responsibility, {
      group_id: ids.leadershipGroup![position]!,
      area_code: position === "own" ? own.street : areas[position].street,
    });
  ids.leadershipResponsibility = {
    own: responsibility,
    otherStreet: await responsibilityAt("otherStreet"),
    otherDistrict: await responsibilityAt("otherDistrict"),
  };
  const plan = (await one<string>(sql`SELECT id FROM leadership_plans WHERE area_code = ${own.district} LIMIT 1`)) ?? "";
  const otherPlan = await clone("leadership_plans", plan, { area_code: areas.otherDistrict.district });
  ids.plan = { own: plan, otherDistrict: otherPlan };
  const target =
    (await one<string>(
      sql`SELECT id FROM leadership_plan_targets WHERE plan_id = ${plan} AND indicator = 'manual' ORDER BY due_on DESC LIMIT 1`,
    )) ?? "";
  ids.planTarget = {
    own: target,
    otherDistrict: await clone("leadership_plan_targets", target, { plan_id: otherPlan, area_code: areas.otherDistrict.district }),
  };
  ids.notification = {
    own:
      (await one<string>(
        sql`SELECT n.id FROM notifications n JOIN users u ON u.id = n.recipient_id WHERE u.login = 'demo-community' LIMIT 1`,
      )) ?? "",
    // another user's notification in the same community
    otherResident:
      (await one<string>(
        sql`SELECT n.id FROM notifications n JOIN users u ON u.id = n.recipient_id WHERE u.login NOT IN ${sql.raw(`(${Object.values(logins).map(literal).join(", ")})`)} LIMIT 1`,
      )) ?? "",
  };
  ids.notification = Object.fromEntries(Object.entries(ids.notification).filter(([, id]) => id));
  // De-administration: 金水区民政局's admitted task on 丰乐社区 (南阳新村) and its task in 花园路街道, and a
  // 二七区 department's task; open occurrences; a submitted task targeting 丰乐社区.
  const ownTask = (await one<string>(sql`SELECT id FROM admin_tasks WHERE title = '高龄津贴资格月度核查'`)) ?? "";
  const erqiDepartment = await buildDepartment(t.ctx, "410103", "二七区测试民政局");
  const erqiTask = await clone("admin_tasks", ownTask, { area_code: areas.otherDistrict.street, department_id: erqiDepartment });
  await t.database.db.execute(
    sql`INSERT INTO admin_task_targets (task_id, area_code) VALUES (${erqiTask}, ${areas.otherDistrict.community})`,
  );
  ids.adminTask = {
    own: ownTask,
    otherStreet: (await one<string>(sql`SELECT id FROM admin_tasks WHERE title = '社区养老服务数据月报'`)) ?? "",
    otherDistrict: erqiTask,
  };
  ids.department = {
    own: (await one<string>(sql`SELECT department_id FROM admin_tasks WHERE id = ${ownTask}`)) ?? "",
    otherDistrict: erqiDepartment,
  };
  const openOccurrence = async (area: string) =>
    (await one<string>(
      sql`SELECT id FROM admin_task_occurrences WHERE task_id = ${ownTask} AND area_code = ${area} AND status = 'open' ORDER BY due_on DESC LIMIT 1`,
    )) ?? "";
  const ownOccurrence = await openOccurrence(own.community);
  ids.occurrence = {
    own: ownOccurrence,
    siblingCommunity: await openOccurrence(siblingCommunity.community),
    otherDistrict: await clone("admin_task_occurrences", ownOccurrence, { area_code: areas.otherDistrict.community, task_id: erqiTask }),
  };
  const ownCatalogItem =
    (await one<string>(sql`SELECT id FROM admin_task_catalog WHERE area_code = ${own.district} ORDER BY title LIMIT 1`)) ?? "";
  ids.catalogItem = {
    own: ownCatalogItem,
    otherDistrict: await clone("admin_task_catalog", ownCatalogItem, { area_code: areas.otherDistrict.district }),
  };
  ids.unadmittedTask = {
    own:
      (await one<string>(
        sql`SELECT t.id FROM admin_tasks t JOIN admin_task_targets g ON g.task_id = t.id WHERE t.status = 'submitted' AND g.area_code = ${own.community} AND g.status = 'active' ORDER BY t.created_at DESC LIMIT 1`,
      )) ?? "",
  };

  const hsds = async (path: string) =>
    (await t.app.inject({ method: "GET", url: path })).json<{ contents?: { id: string }[] }>().contents?.[0]?.id ?? "";
  ids.taxonomy = { own: await hsds("/open/hsds/taxonomies") };
  ids.taxonomyTerm = { own: await hsds("/open/hsds/taxonomy_terms") };
  ids.apiClient = { own: (await one<string>(sql`SELECT id FROM api_clients LIMIT 1`)) ?? "" };

  const upload = await t.app.inject({
    method: "POST",
    url: "/api/v1/imports?kind=residents&file_name=a.csv",
    headers: { cookie: cookies.get("community")!, "content-type": "text/csv" },
    payload: "姓名,身份证号,手机号,社区代码\n张三,410105199001011234,13800000005,410105007002\n",
  });
  // and one of another community's staff (a job is its creator's)
  const otherStaff = (await one<string>(sql`SELECT login FROM users WHERE id = ${ids.user.siblingCommunity!}`)) ?? "";
  const otherUpload = await t.app.inject({
    method: "POST",
    url: "/api/v1/imports?kind=residents&file_name=b.csv",
    headers: { cookie: await signIn(t.app, otherStaff), "content-type": "text/csv" },
    payload: `姓名,身份证号,手机号,社区代码\n李四,410105199001021234,13800000006,${areas.siblingCommunity.community}\n`,
  });
  expect(upload.statusCode, upload.body).toBeLessThan(300);
  expect(otherUpload.statusCode, otherUpload.body).toBeLessThan(300);
  ids.importJob = { own: upload.json<{ id: string }>().id, siblingCommunity: otherUpload.json<{ id: string }>().id };

  for (const [resource, byPosition] of Object.entries(ids)) {
    for (const [position, id] of Object.entries(byPosition)) {
      expect(id, `${resource} ${position}`).toBeTruthy();
    }
  }
  return {
    areas,
    ids,
    secrets,
    fresh: {
      catalogItem: async (position) => {
        const area = position === "own" || position === "otherDistrict" ? areas[position].district : undefined;
        return area && ownCatalogItem
          ? clone("admin_task_catalog", ownCatalogItem, { area_code: area, title: `授权矩阵删除 ${randomUUID()}` })
          : undefined;
      },
      facility: async (position) => {
        const area = areas[position as keyof typeof areas]?.community;
        return area ? (await buildFacility(t.ctx, area, "reading_room")).id : undefined;
      },
      leadershipResponsibility: async (position) => {
        const group = ids.leadershipGroup?.[position];
        const area = areas[position as keyof typeof areas]?.street;
        return group && area && ids.leadershipResponsibility?.own
          ? clone("leadership_responsibilities", ids.leadershipResponsibility.own, { group_id: group, area_code: area })
          : undefined;
      },
    },
    version: async (table, id) => Number(await one<number>(sql.raw(`SELECT version FROM "${table}" WHERE id = ${literal(id)}`))),
    value: async (table, id, column) =>
      (await one<string | null>(sql.raw(`SELECT "${column}"::text FROM "${table}" WHERE id = ${literal(id)}`))) ?? null,
  };
}

/** How many records a list, count or aggregate answer carries (items, a count, or summed totals). */
function rowsIn(body: string): number | undefined {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    if (Array.isArray(json.items)) {
      return json.items.length;
    }
    if (Array.isArray(json.rows)) {
      return json.rows.length;
    }
    if (typeof json.count === "number") {
      return json.count;
    }
    if (Array.isArray(json)) {
      return json.length;
    }
  } catch {
    return body.trim().split("\n").length - 1;
  }
  return undefined;
}

function detailOf(status: number, body: string): string | undefined {
  if (status >= 400) {
    try {
      const problem = JSON.parse(body) as { code?: string; errors?: { path: string; code: string }[] };
      return [problem.code, ...(problem.errors ?? []).map((error) => `${error.path} ${error.code}`)].join(" ");
    } catch {
      return body.slice(0, 60);
    }
  }
  const rows = rowsIn(body);
  return rows === undefined ? body.slice(0, 160) : `rows ${rows}`;
}

function expectedAccess(access: Access | null, role: Role): Expected | null {
  if (access === "public") {
    return null;
  }
  if (role === "anonymous") {
    return 401;
  }
  if (access !== "authenticated" && access !== null && !permissions.get(role)?.includes(access)) {
    return 403;
  }
  return null;
}

function matches(expected: Expected, status: number, body: string, secret: string | undefined): boolean {
  if (status >= 500) {
    return false;
  }
  switch (expected) {
    case "allowed":
      // a body the schema refuses never reaches the access rule: that cell would prove nothing
      return ![401, 403, 404].includes(status) && !(status === 400 && body.includes('"VALIDATION_FAILED"'));
    case "masked":
      return status === 200 && (!secret || !body.includes(secret));
    case "denied":
      return status === 403 || status === 404;
    case "empty":
      return status === 200 && rowsIn(body) === 0;
    case 200:
      return status === 200 || status === 204;
    default:
      return status === expected;
  }
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx, modules, { demoPassword: testPassword, minFreeBytes: 0, log: () => undefined });
  for (const [role, login] of Object.entries(logins) as [Role, string][]) {
    cookies.set(role, await signIn(t.app, login));
    const grants = await queryRows<{ id: string; role: string; area_code: string; organization_id: string | null }>(
      t.database.db,
      sql`SELECT m.id, m.role, m.area_code, m.organization_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.login = ${login}`,
    );
    permissions.set(
      role,
      permissionsOf(grants.map((g) => ({ id: g.id, role: g.role as never, areaCode: g.area_code, organizationId: g.organization_id }))),
    );
  }
  world = await buildWorld();
  const document = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json<{
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema: Schema }> } }>>;
  }>();
  bodies = new Map(
    Object.entries(document.paths).flatMap(([route, methods]) =>
      Object.entries(methods).flatMap(([method, definition]) => {
        const schema = definition.requestBody?.content?.["application/json"]?.schema;
        return schema ? [[`${method.toUpperCase()} ${route.replace(/\{(\w+)\}/g, ":$1")}`, schema] as const] : [];
      }),
    ),
  );
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe("authorization matrix (QUALITY.md §1)", () => {
  it("has an entry for every route the server registers, and no entry for a route that does not exist", () => {
    const registered = new Set(
      t.app.sanshe.routes
        // the console's static files (registered only when apps/web/dist is built) are public by design
        .filter((route) => route.method !== "HEAD" && !route.url.startsWith("/api/docs") && !isStaticConsoleRoute(route.url))
        .map((route) => `${route.method} ${route.url}`),
    );
    const tabled = new Set(Object.keys(routeTable).map((key) => key.replace(/ #.*$/, "")));
    expect([...registered].filter((route) => !tabled.has(route)).sort(), "routes missing from the test/authz.ts of their module").toEqual(
      [],
    );
    expect([...tabled].filter((route) => !registered.has(route)).sort(), "table entries for no route").toEqual([]);
  });

  it("lists a record to exactly the roles that read its detail (before any write)", async () => {
    const access = new Map(t.app.sanshe.routes.map((route) => [`${route.method} ${route.url}`, route.access]));
    const known = [...pendingFixes, ...openFindings];
    const listCells: (Cell & { known: boolean })[] = [];
    for (const list of listTable) {
      const entry = routeTable[list.detail]!;
      for (const role of roles.filter((candidate) => candidate !== "anonymous")) {
        const response = await t.app.inject({ method: "GET", url: list.url, headers: { cookie: cookies.get(role)! } });
        const listed = new Set(
          response.statusCode === 200 ? response.json<{ items: { id: string }[] }>().items.map((item) => item.id) : [],
        );
        for (const position of list.positions ?? positions) {
          const id = world.ids[list.resource]?.[position];
          if (!id) {
            continue;
          }
          const detail = expectedAccess(access.get(list.detail) ?? null, role) ?? entry.expect(role, position);
          const shouldList = detail === 200 || detail === "masked";
          const actual = response.statusCode !== 200 ? String(response.statusCode) : listed.has(id) ? "listed" : "not listed";
          listCells.push({
            route: `${list.list} (lists ${list.detail})`,
            role,
            position,
            expected: shouldList ? 200 : 404,
            actual,
            ok: shouldList ? actual === "listed" : actual !== "listed" && !(response.statusCode >= 500),
            known: known.some((k) => k.route === list.detail && k.role === role && k.position === position),
          });
        }
      }
    }
    cells.push(...listCells);
    // A cell whose detail is a known difference is reported with it, not asserted twice.
    expect(
      listCells
        .filter((cell) => !cell.ok && !cell.known)
        .map(
          (cell) =>
            `${cell.route} | ${cell.role} @ ${cell.position}: expected ${cell.expected === 200 ? "listed" : "not listed"}, got ${cell.actual}`,
        ),
    ).toEqual([]);
  }, 120_000);

  it("answers every route × role × position as the table says", async () => {
    const access = new Map(t.app.sanshe.routes.map((route) => [`${route.method} ${route.url}`, route.access]));
    // Reads first, then writes (a write may change what a later read sees); sign-outs last.
    const keys = Object.keys(routeTable).sort((a, b) => rank(a) - rank(b));
    for (const key of keys) {
      const entry = routeTable[key]!;
      const route = key.replace(/ #.*$/, "");
      const [method] = route.split(" ") as ["GET" | "POST" | "PUT" | "PATCH" | "DELETE", string];
      const schema = bodies.get(route.replace(/\/:(\w+)\.(xml|json)$/, "/:$1.$2"));
      for (const role of roles) {
        for (const position of role === "anonymous" ? (["own"] as const) : positions) {
          const target = await entry.at(world, position);
          if (!target) {
            continue;
          }
          const expected = expectedAccess(access.get(route) ?? null, role) ?? entry.expect(role, position);
          const generated = schema ? example(schema, "") : undefined;
          const body =
            target.body !== undefined && generated && typeof generated === "object" && !Array.isArray(generated)
              ? { ...(generated as Record<string, unknown>), ...(target.body as Record<string, unknown>) }
              : (target.body ?? generated);
          let cookie = cookies.get(role);
          const standIn = role === "anonymous" ? undefined : target.signInAs?.[role];
          if (standIn) {
            cookie = await signIn(t.app, standIn);
          }
          if (route === "DELETE /api/v1/session" && role !== "anonymous") {
            cookie = await signIn(t.app, logins[role]);
          }
          // An export that fails after its first byte cuts the connection: inject rejects.
          const response = await t.app
            .inject({
              method,
              url: target.url,
              headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
              ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
            })
            .catch((error: unknown) => ({ statusCode: 0, body: String(error) }));
          const secret = world.secrets[key.split(" ")[1]?.split("/")[3] === "residents" ? "resident" : ""]?.[position];
          cells.push({
            route: key,
            role,
            position: role === "anonymous" ? "anonymous" : position,
            expected,
            actual: response.statusCode === 0 ? "connection cut" : String(response.statusCode),
            detail: response.statusCode === 0 ? undefined : detailOf(response.statusCode, response.body),
            ok: response.statusCode !== 0 && matches(expected, response.statusCode, response.body, secret),
          });
        }
      }
    }

    const known = [...pendingFixes, ...openFindings];
    const isKnown = (cell: Cell) => known.some((k) => k.route === cell.route && k.role === cell.role && k.position === cell.position);
    const unexpected = cells.filter((cell) => !cell.ok && !isKnown(cell) && !cell.route.includes("(lists "));
    const fixed = known.filter((k) =>
      cells.some((cell) => cell.route === k.route && cell.role === k.role && cell.position === k.position && cell.ok),
    );
    const missingKnown = known.filter(
      (k) => !cells.some((cell) => cell.route === k.route && cell.role === k.role && cell.position === k.position),
    );
    const routeCells = cells.filter((cell) => !cell.route.includes("(lists "));
    const summary = {
      routes: new Set(routeCells.map((cell) => cell.route.replace(/ #.*$/, ""))).size,
      entries: new Set(routeCells.map((cell) => cell.route)).size,
      roles: new Set(cells.map((cell) => cell.role)).size,
      positions: new Set(cells.map((cell) => cell.position)).size,
      cells: routeCells.length,
      listCells: cells.length - routeCells.length,
      pendingFixes: pendingFixes.length,
      openFindings: openFindings.length,
    };
    const report = path.join(mkdtempSync(path.join(os.tmpdir(), "sanshe-authz-")), "matrix.json");
    writeFileSync(report, JSON.stringify({ summary, unexpected, cells }, null, 1));
    process.stdout.write(
      `authorization matrix: ${summary.routes} routes (${summary.entries} entries) × ${summary.roles} roles × ${summary.positions} positions = ${summary.cells} cells, plus ${summary.listCells} list-visibility cells; ${summary.pendingFixes} pending fixes, ${summary.openFindings} open findings; report ${report}\n`,
    );
    expect(
      unexpected.map((cell) => `${cell.route} | ${cell.role} @ ${cell.position}: expected ${cell.expected}, got ${cell.actual}`),
    ).toEqual([]);
    // an entry whose target exists in no position would check nothing
    expect(
      keys.filter((key) => !routeCells.some((cell) => cell.route === key)),
      "entries that reached no cell",
    ).toEqual([]);
    expect(fixed.map((k) => `fixed now, delete the entry: ${k.route} | ${k.role} @ ${k.position}`)).toEqual([]);
    expect(missingKnown.map((k) => `no such cell: ${k.route} | ${k.role} @ ${k.position}`)).toEqual([]);
  }, 600_000);
});

/** The web console's static files (app.ts serves apps/web/dist when it exists): public, not in the table. */
function isStaticConsoleRoute(url: string): boolean {
  // The built console and the installable web app's manifest and icons (public files, no data).
  return url === "/" || url === "/assets/*" || url === "/icons/*" || url === "/manifest.webmanifest";
}

function rank(key: string): number {
  if (key.startsWith("DELETE /api/v1/session")) {
    return 3;
  }
  return key.startsWith("GET ") ? 0 : key.startsWith("DELETE ") ? 2 : 1;
}
