import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import Fastify from "fastify";
import { Validator } from "@seriousme/openapi-schema-validator";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { requireAccessDeclarations } from "./access.js";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

describe("routes", () => {
  it("refuses to register a route that does not declare its access", async () => {
    const app = Fastify();
    requireAccessDeclarations(app);
    expect(() => app.get("/undeclared", async () => "x")).toThrow(/does not declare config.access/);
    await app.close();
  });

  it("declares access on every route, and the expected access on the foundation's routes", () => {
    const table = new Map(t.app.sanshe.routes.map((route) => [`${route.method} ${route.url}`, route.access]));
    for (const route of t.app.sanshe.routes) {
      if (!route.url.startsWith("/api/docs") && route.method !== "HEAD") {
        expect(route.access, `${route.method} ${route.url}`).not.toBeNull();
      }
    }
    expect(Object.fromEntries([...table].filter(([key]) => key.includes("/api/v1/") && !key.startsWith("HEAD")))).toMatchObject({
      "GET /api/v1/health": "public",
      "POST /api/v1/session": "public",
      "DELETE /api/v1/session": "authenticated",
      "GET /api/v1/me": "authenticated",
      "GET /api/v1/areas": "areas.read",
      "GET /api/v1/areas/:code": "areas.read",
      "GET /api/v1/social-orgs": "social_orgs.read",
      "GET /api/v1/social-orgs/refs": "areas.read",
      "POST /api/v1/social-orgs": "social_orgs.write",
      "GET /api/v1/social-orgs/:id": "social_orgs.read",
      "PATCH /api/v1/social-orgs/:id": "social_orgs.write",
      "PUT /api/v1/social-orgs/:id/service-areas": "social_orgs.write",
      "PUT /api/v1/social-orgs/:id/stations": "social_orgs.write",
      "GET /api/v1/public/social-orgs": "public",
      "GET /api/v1/public/social-orgs/:id": "public",
      "GET /api/v1/communities": "communities.read",
      "GET /api/v1/communities/compliance": "communities.read",
      "GET /api/v1/communities/:code/profile": "communities.read",
      "PUT /api/v1/communities/:code/profile": "communities.write",
      "GET /api/v1/communities/:code/facilities": "communities.read",
      "POST /api/v1/communities/:code/facilities": "communities.write",
      "GET /api/v1/facilities/:id": "communities.read",
      "PATCH /api/v1/facilities/:id": "communities.write",
      "DELETE /api/v1/facilities/:id": "communities.write",
      "GET /api/v1/grids": "communities.read",
      "POST /api/v1/grids": "communities.write",
      "GET /api/v1/grids/:id": "communities.read",
      "PATCH /api/v1/grids/:id": "communities.write",
      "GET /api/v1/users": "users.admin",
      "POST /api/v1/users": "users.admin",
      "GET /api/v1/users/:id": "users.admin",
      "PATCH /api/v1/users/:id": "users.admin",
      "POST /api/v1/users/:id/memberships": "users.admin",
      "DELETE /api/v1/users/:id/memberships/:membership_id": "users.admin",
      "POST /api/v1/users/:id/password": "users.admin",
      "GET /api/v1/audit-log": "audit.read",
      "POST /api/v1/audit-log/verify": "audit.read",
      "POST /api/v1/imports": "imports.run",
      "GET /api/v1/exports/:kind": "authenticated",
      "GET /api/v1/social-workers": "social_workers.read",
      "POST /api/v1/social-workers": "social_workers.write",
      "GET /api/v1/social-workers/workforce": "social_workers.read",
      "GET /api/v1/social-workers/:id": "social_workers.read",
      "PATCH /api/v1/social-workers/:id": "social_workers.write",
      "PUT /api/v1/social-workers/:id/communities": "social_workers.write",
      "GET /api/v1/social-workers/:id/trainings": "social_workers.read",
      "POST /api/v1/social-workers/:id/trainings": "social_workers.write",
      "GET /api/v1/social-workers/:id/posts": "social_workers.read",
      "POST /api/v1/social-workers/:id/posts": "social_workers.write",
      "GET /api/v1/residents": "residents.read",
      "GET /api/v1/residents/count": "residents.read",
      "POST /api/v1/residents": "residents.write",
      "GET /api/v1/residents/:id": "residents.read",
      "PATCH /api/v1/residents/:id": "residents.write",
      "POST /api/v1/residents/:id/move": "residents.write",
      "POST /api/v1/residents/:id/unmask": "residents.unmask",
      "GET /api/v1/households": "residents.read",
      "POST /api/v1/households": "residents.write",
      "GET /api/v1/households/:id": "residents.read",
      "PATCH /api/v1/households/:id": "residents.write",
      "POST /api/v1/needs/:id/attachments": "authenticated",
      "GET /api/v1/needs/:id/attachments/:attachmentId": "authenticated",
      "GET /api/v1/notifications": "authenticated",
      "POST /api/v1/notifications/:id/read": "authenticated",
      "POST /api/v1/notifications/read-all": "authenticated",
      "GET /api/v1/api-clients": "api_clients.manage",
      "POST /api/v1/api-clients": "api_clients.manage",
      "PUT /api/v1/api-clients/:id/status": "api_clients.manage",
    });
    expect(Object.fromEntries([...table].filter(([key]) => key.includes("/open311/v2/") && !key.startsWith("HEAD")))).toMatchObject({
      "GET /open311/v2/discovery.xml": "public",
      "GET /open311/v2/services.json": "public",
      "GET /open311/v2/services/:service_code.xml": "public",
      "POST /open311/v2/requests.json": "public",
      "GET /open311/v2/requests.xml": "public",
      "GET /open311/v2/requests/:service_request_id.json": "public",
    });
  });
});

describe("OpenAPI", () => {
  it("is a valid OpenAPI 3.1 document with a summary and error responses on every operation", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toBe("3.1.0");
    const result = await new Validator().validate(spec);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const [url, methods] of Object.entries(
      spec.paths as Record<string, Record<string, { summary?: string; responses?: Record<string, unknown> }>>,
    )) {
      for (const [method, operation] of Object.entries(methods)) {
        expect(operation.summary, `${method} ${url}`).toBeTruthy();
        const codes = Object.keys(operation.responses ?? {});
        if (url !== "/api/v1/health") {
          expect(
            codes.some((code) => code.startsWith("4")),
            `${method} ${url} documents its errors`,
          ).toBe(true);
        }
      }
    }
  });

  it("serves a browsable documentation page", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
  });
});

describe("health", () => {
  it("reports the storage it runs on", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", database: t.database.kind, version: expect.any(String) });
  });
});

describe("problem+json", () => {
  it("answers unknown API routes with a localized 404 problem", async () => {
    const zh = await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    const en = await t.app.inject({ method: "GET", url: "/api/v1/nothing-here", headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(zh.statusCode).toBe(404);
    expect(zh.headers["content-type"]).toContain("application/problem+json");
    expect(zh.json()).toMatchObject({ status: 404, code: "ROUTE_NOT_FOUND" });
    expect(en.json().code).toBe("ROUTE_NOT_FOUND");
    expect(en.json().detail).not.toBe(zh.json().detail);
  });

  it("answers a console page whose path starts like the API (/api-clients) as a page, never as the API's 404", async () => {
    const api = await t.app.inject({ method: "GET", url: "/api" });
    const page = await t.app.inject({ method: "GET", url: "/api-clients" });
    expect(api.json()).toMatchObject({ code: "ROUTE_NOT_FOUND" });
    // With the console built (the usual case) the page is index.html; without it every unknown path is a 404.
    if (page.statusCode === 200) {
      expect(page.headers["content-type"]).toContain("text/html");
    } else {
      expect(existsSync(t.app.sanshe.config.webDist)).toBe(false);
    }
  });

  it("refuses bodies over the size limit with 413", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/session",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ login: "x", password: "y".repeat(1_100_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses unsupported content types with 415", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/session",
      headers: { "content-type": "text/xml" },
      payload: "<login/>",
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("sets security headers", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/health" });
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
  });
});
