import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { ApiClient, ApiClientCreated } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { seedApiClients } from "./seed.js";
import { authenticateApiClient } from "./service.js";

/** API clients: the administrator registers, sees and disables keys inside their own area; nobody else can. */

let t: TestApp;
type Client = ReturnType<typeof as>;
let cityAdmin: Client;
let districtAdmin: Client;
let official: Client;

beforeAll(async () => {
  t = await createTestApp();
  const signed = async (grants: Parameters<typeof buildUser>[1]) => as(t.app, await signIn(t.app, (await buildUser(t.ctx, grants)).login));
  cityAdmin = await signed([{ role: "admin", area_code: "4101" }]);
  districtAdmin = await signed([{ role: "admin", area_code: "410105" }]);
  official = await signed([{ role: "official", area_code: "4101" }]);
});

afterAll(async () => {
  await t.close();
});

describe("API clients", () => {
  let created: ApiClientCreated;

  it("creates a client with a random key shown once and stores only its SHA-256", async () => {
    const response = await cityAdmin.post("/api/v1/api-clients", { name: "二七区12345分中心", area_code: "410103" });
    expect(response.statusCode).toBe(201);
    created = response.json<ApiClientCreated>();
    expect(created).toMatchObject({ name: "二七区12345分中心", area_code: "410103", enabled: true, version: 1, last_used_at: null });
    expect(created.api_key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.key_prefix).toBe(created.api_key.slice(0, 6));
    const raw = await t.database.db.execute(sql`SELECT key_hash FROM api_clients WHERE id = ${created.id}`);
    const row = (raw as { rows: Array<{ key_hash: string }> }).rows[0];
    expect(row?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.key_hash).not.toContain(created.api_key);
    const list = await cityAdmin.get("/api/v1/api-clients");
    expect(list.body).not.toContain(created.api_key);
    expect(list.json<{ items: ApiClient[] }>().items.map((c) => c.id)).toContain(created.id);
    const audit = await t.database.db.execute(sql`SELECT action FROM audit_log WHERE entity_id = ${created.id}`);
    expect((audit as { rows: Array<{ action: string }> }).rows).toEqual([{ action: "api_clients.create" }]);
  });

  it("authenticates the key, records its use, and refuses it once disabled (409 on a stale version)", async () => {
    const identity = await authenticateApiClient(t.ctx, created.api_key);
    expect(identity).toMatchObject({ id: created.id, areaCode: "410103", login: "open311:二七区12345分中心" });
    expect(await authenticateApiClient(t.ctx, `${created.api_key}x`)).toBeNull();
    expect(await authenticateApiClient(t.ctx, "")).toBeNull();
    const used = (await cityAdmin.get("/api/v1/api-clients")).json<{ items: ApiClient[] }>().items.find((c) => c.id === created.id);
    expect(used?.last_used_at).not.toBeNull();
    const disabled = await cityAdmin.put(`/api/v1/api-clients/${created.id}/status`, { enabled: false, version: 1 });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ enabled: false, version: 2 });
    expect(await authenticateApiClient(t.ctx, created.api_key)).toBeNull();
    const stale = await cityAdmin.put(`/api/v1/api-clients/${created.id}/status`, { enabled: true, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "VERSION_CONFLICT" });
    const response = await t.app.inject({ url: `/open311/v2/requests.json?api_key=${created.api_key}` });
    expect(response.statusCode).toBe(403);
  });

  it("keeps administrators inside their area and everyone else out", async () => {
    expect((await districtAdmin.post("/api/v1/api-clients", { name: "越权", area_code: "4101" })).json()).toMatchObject({
      code: "SCOPE_EXCEEDED",
    });
    expect((await districtAdmin.get("/api/v1/api-clients")).json<{ items: ApiClient[] }>().items.map((c) => c.id)).not.toContain(
      created.id,
    );
    expect((await districtAdmin.put(`/api/v1/api-clients/${created.id}/status`, { enabled: true, version: 2 })).statusCode).toBe(404);
    expect((await official.get("/api/v1/api-clients")).statusCode).toBe(403);
    expect((await official.post("/api/v1/api-clients", { name: "x", area_code: "4101" })).statusCode).toBe(403);
    expect((await t.app.inject({ url: "/api/v1/api-clients" })).statusCode).toBe(401);
  });

  it("seeds the demo client with its published key once", async () => {
    await seedApiClients(t.ctx);
    await seedApiClients(t.ctx);
    expect(await authenticateApiClient(t.ctx, "demo-open311-key")).toMatchObject({ areaCode: "4101" });
    const raw = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM api_clients WHERE key_prefix = 'demo-o'`);
    expect((raw as { rows: Array<{ n: number }> }).rows[0]?.n).toBe(1);
  });
});
