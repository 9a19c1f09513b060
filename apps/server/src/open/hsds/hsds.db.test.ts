import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { buildSocialOrg } from "../../modules/social-orgs/test/factories.js";
import { buildService } from "../../modules/services-directory/test/factories.js";
import { buildFacility } from "../../modules/communities/test/factories.js";
import { uuidV5 } from "./uuid.js";
import { terms } from "./taxonomy.js";

/**
 * HSDS 3.0 conformance: every body of /open/hsds validates against the official Open Referral schemas
 * (copied in ./schema with their licence), pagination math, search and what stays private.
 */

type Page = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Array<Record<string, unknown>>;
};

const schemaDir = new URL("./schema/", import.meta.url);
const load = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(file, schemaDir), "utf8")) as Record<string, unknown>;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
for (const unit of ["metadata.json", "taxonomy.json", "taxonomy_term.json"]) {
  ajv.addSchema(load(unit), unit);
}
const validators = new Map<string, ValidateFunction>();
function validator(file: string): ValidateFunction {
  let validate = validators.get(file);
  if (!validate) {
    validate = ajv.getSchema(file) ?? ajv.compile(load(file));
    validators.set(file, validate);
  }
  return validate;
}

function expectValid(file: string, body: unknown): void {
  const validate = validator(file);
  const valid = validate(body);
  expect(valid ? [] : validate.errors?.map((error) => `${error.instancePath} ${error.message ?? ""}`)).toEqual([]);
}

/** A Page body: the Page fields and each item against the list schema. */
function expectPage(itemSchema: string, body: Page): void {
  expectValid("page.json", body);
  for (const item of body.contents) {
    expectValid(itemSchema, item);
  }
}

let t: TestApp;
let org: { id: string; name: string };
let inactiveOrg: { id: string };
let orgService: { id: string };
let communityService: { id: string };
let draftService: { id: string };

async function get<T>(url: string, status = 200): Promise<T> {
  const response = await t.app.inject({ method: "GET", url });
  expect(response.statusCode, url).toBe(status);
  return response.json<T>();
}

beforeAll(async () => {
  t = await createTestApp();
  org = await buildSocialOrg(t.ctx, "410105", {
    description: "演示机构简介",
    contactPhone: "0371-65550000",
    contactEmail: "demo@example.org",
  });
  inactiveOrg = await buildSocialOrg(t.ctx, "410105", { status: "deregistered" });
  orgService = await buildService(t.ctx, "410105", {
    organizationId: org.id,
    name: "居家助浴服务",
    description: "专业护理员上门助浴",
    category: "elderly_care",
    tier: "personalized",
    priceKind: "paid",
    priceFen: 6050,
    eligibilityGroups: ["elderly_alone", "disabled"],
    minAge: 60,
    serviceAreaCodes: ["410105007", "410105007002"],
    locationAddress: "郑州市金水区演示路1号",
  });
  const facility = await buildFacility(t.ctx, "410105007002", "service_hall", { name: "党群服务中心" });
  communityService = await buildService(t.ctx, "410105007002", {
    locationFacilityId: facility.id,
    name: "社区法律咨询",
    category: "legal_aid",
    priceKind: "low_cost",
    priceFen: 500,
  });
  draftService = await buildService(t.ctx, "410105007002", { name: "草稿法律服务", category: "legal_aid", status: "draft" });
  await buildService(t.ctx, "410105007003", { name: "退役服务", category: "legal_aid", status: "retired" });
  for (let index = 0; index < 5; index += 1) {
    await buildService(t.ctx, "410103001001", {
      name: `二七区文体活动${index}`,
      category: "culture_sports",
      tier: "developmental",
      serviceAreaCodes: ["410103001001"],
    });
  }
});

afterAll(async () => {
  await t.close();
});

describe("the validator", () => {
  it("rejects what HSDS forbids (a non-UUID id, an unknown status), so the checks below mean something", () => {
    expect(validator("service.json")({ id: "42", name: "x", status: "active" })).toBe(false);
    expect(validator("service.json")({ id: uuidV5("x"), name: "x", status: "open" })).toBe(false);
    expect(validator("service.json")({ id: uuidV5("x"), name: "x", status: "active" })).toBe(true);
  });
});

describe("GET /open/hsds/", () => {
  it("answers the HSDS version and the OpenAPI description", async () => {
    const body = await get<{ version: string; profile: string; openapi_url: string }>("/open/hsds/");
    expect(body.version).toBe("3.0.1");
    expect(body.openapi_url).toMatch(/^https:\/\//);
    expect(body.profile).toMatch(/^https:\/\//);
  });
});

describe("services", () => {
  it("pages published services by number, every item valid, drafts and retired never", async () => {
    const first = await get<Page>("/open/hsds/services?page=1&per_page=3");
    expectPage("service_list.json", first);
    expect(first).toMatchObject({
      total_items: 7,
      total_pages: 3,
      page_number: 1,
      size: 3,
      first_page: true,
      last_page: false,
      empty: false,
    });
    const last = await get<Page>("/open/hsds/services?page=3&per_page=3");
    expectPage("service_list.json", last);
    expect(last).toMatchObject({
      total_items: 7,
      total_pages: 3,
      page_number: 3,
      size: 1,
      first_page: false,
      last_page: true,
      empty: false,
    });
    const beyond = await get<Page>("/open/hsds/services?page=9&per_page=3");
    expect(beyond).toMatchObject({ total_items: 7, size: 0, empty: true, last_page: true });
    const all = await get<Page>("/open/hsds/services?per_page=500");
    expect(all.size).toBe(7);
    expect(all.total_pages).toBe(1);
    const ids = all.contents.map((item) => item.id);
    expect(ids).not.toContain(draftService.id);
    for (const item of all.contents) {
      expectValid("service.json", item);
    }
  });

  it("searches Chinese text and filters by taxonomy term and organization (AND)", async () => {
    const search = await get<Page>(`/open/hsds/services?search=${encodeURIComponent("助浴")}`);
    expect(search.contents.map((item) => item.id)).toEqual([orgService.id]);
    const legal = terms.find((term) => term.code === "legal_aid");
    const byTerm = await get<Page>(`/open/hsds/services?taxonomy_term_id=${legal?.id ?? ""}`);
    expect(byTerm.contents.map((item) => item.id)).toEqual([communityService.id]);
    const tier = terms.find((term) => term.kind === "tier" && term.code === "developmental");
    const byTier = await get<Page>(`/open/hsds/services?taxonomy_term_id=${tier?.id ?? ""}&search=${encodeURIComponent("文体活动3")}`);
    expect(byTier.total_items).toBe(1);
    const byOrg = await get<Page>(`/open/hsds/services?organization_id=${org.id}`);
    expect(byOrg.contents.map((item) => item.id)).toEqual([orgService.id]);
    const unknownTerm = await get<Page>(`/open/hsds/services?taxonomy_term_id=${uuidV5("nothing")}`);
    expect(unknownTerm).toMatchObject({ total_items: 0, total_pages: 0, empty: true });
    expectPage("service_list.json", unknownTerm);
    await get(`/open/hsds/services?taxonomy_term_id=not-a-uuid`, 400);
  });

  it("answers one service fully nested: organization, phones, schedule, cost in yuan, areas, location, terms", async () => {
    const body = await get<Record<string, unknown>>(`/open/hsds/services/${orgService.id}`);
    expectValid("service.json", body);
    expect(body).toMatchObject({
      id: orgService.id,
      organization_id: org.id,
      status: "active",
      minimum_age: 60,
      organization: { id: org.id, name: org.name, description: "演示机构简介" },
      phones: [{ number: "0371-12345678" }],
      schedules: [{ description: "周一至周五 9:00-17:00" }],
      cost_options: [{ currency: "CNY", amount: 60.5, option: "有偿" }],
      service_areas: [{ name: "南阳新村街道" }, { name: expect.any(String) as string }],
      service_at_locations: [{ location: { location_type: "physical", name: "郑州市金水区演示路1号" } }],
    });
    // The address as an HSDS address: city, region (district) and province from the area names of the provider's home.
    const [addressAt] = body.service_at_locations as Array<{ service_id: string; location_id: string; location: Record<string, unknown> }>;
    expect(addressAt?.service_id).toBe(orgService.id);
    expect(addressAt?.location_id).toBe(addressAt?.location.id);
    expect(addressAt?.location.addresses).toEqual([
      expect.objectContaining({
        location_id: addressAt?.location.id,
        address_1: "郑州市金水区演示路1号",
        city: "郑州市",
        region: "金水区",
        state_province: "河南省",
        country: "CN",
        address_type: "physical",
      }),
    ]);
    const attributes = body.attributes as Array<{ taxonomy_term_id: string; taxonomy_term: { code: string } }>;
    expect(attributes.map((attribute) => attribute.taxonomy_term.code)).toEqual(["elderly_care", "personalized"]);
    const community = await get<Record<string, unknown>>(`/open/hsds/services/${communityService.id}`);
    expectValid("service.json", community);
    expect(community).toMatchObject({ cost_options: [{ amount: 5, option: "低偿" }] });
    expect(community).not.toHaveProperty("organization");
    // A community facility as the location: named by the facility, addressed by street and community.
    expect(community).toMatchObject({
      service_at_locations: [
        {
          service_id: communityService.id,
          location: {
            location_type: "physical",
            name: "党群服务中心",
            addresses: [
              {
                address_1: "南阳新村街道丰乐社区居民委员会 党群服务中心",
                city: "郑州市",
                region: "金水区",
                state_province: "河南省",
                country: "CN",
                address_type: "physical",
              },
            ],
          },
        },
      ],
    });
  });

  it("nests the same locations in /services items, valid, with a constant number of queries", async () => {
    const before = t.database.stats.queries;
    const page = await get<Page>("/open/hsds/services?per_page=100");
    const queries = t.database.stats.queries - before;
    expectPage("service_list.json", page);
    for (const item of page.contents) {
      expectValid("service.json", item);
    }
    // The schema checks nested addresses (so the validations above cover them): one without a postal code fails.
    const broken = structuredClone(page.contents.find((item) => item.id === communityService.id)) as {
      service_at_locations: Array<{ location: { addresses: Array<Record<string, unknown>> } }>;
    };
    delete broken.service_at_locations[0]?.location.addresses[0]?.postal_code;
    expect(validator("service.json")(broken)).toBe(false);
    const byId = new Map(page.contents.map((item) => [item.id, item]));
    const one = await get<Record<string, unknown>>(`/open/hsds/services/${communityService.id}`);
    expect(byId.get(communityService.id)?.service_at_locations).toEqual(one.service_at_locations);
    expect(byId.get(orgService.id)?.service_at_locations).toHaveLength(1);
    const placeless = page.contents.filter((item) => (item.service_at_locations as unknown[]).length === 0);
    expect(placeless.length).toBe(5);
    const small = t.database.stats.queries;
    await get<Page>(`/open/hsds/services?per_page=1&search=${encodeURIComponent("社区法律咨询")}`);
    expect(t.database.stats.queries - small).toBe(queries);
  });

  it("never leaks drafts or private fields", async () => {
    await get(`/open/hsds/services/${draftService.id}`, 404);
    const body = await get<Record<string, unknown>>(`/open/hsds/services/${communityService.id}`);
    for (const privateField of ["version", "area_code", "created_at", "location_facility_id", "community_code", "price_fen"]) {
      expect(body).not.toHaveProperty(privateField);
    }
  });
});

describe("organizations", () => {
  it("pages active organizations only, with public fields, valid against the schemas", async () => {
    const page = await get<Page>("/open/hsds/organizations?per_page=100");
    expectPage("organization_list.json", page);
    const ids = page.contents.map((item) => item.id);
    expect(ids).toContain(org.id);
    expect(ids).not.toContain(inactiveOrg.id);
    for (const item of page.contents) {
      expect(item).not.toHaveProperty("uscc");
      expect(item).not.toHaveProperty("tax_id");
    }
    const one = await get<Record<string, unknown>>(`/open/hsds/organizations/${org.id}`);
    expectValid("organization.json", one);
    expect(one).toMatchObject({ id: org.id, email: "demo@example.org", phones: [{ number: "0371-65550000" }] });
    await get(`/open/hsds/organizations/${inactiveOrg.id}`, 404);
    const searched = await get<Page>(`/open/hsds/organizations?search=${encodeURIComponent(org.name.slice(-6))}`);
    expect(searched.contents.map((item) => item.id)).toEqual([org.id]);
  });
});

describe("taxonomies", () => {
  it("publishes the category and tier taxonomies and their terms with stable UUIDs", async () => {
    const taxonomies = await get<Page>("/open/hsds/taxonomies");
    expectPage("taxonomy.json", taxonomies);
    expect(taxonomies.total_items).toBe(2);
    const taxonomyId = taxonomies.contents[0]?.id as string;
    expectValid("taxonomy.json", await get(`/open/hsds/taxonomies/${taxonomyId}`));
    const all = await get<Page>("/open/hsds/taxonomy_terms?per_page=100");
    expectPage("taxonomy_term.json", all);
    expect(all.total_items).toBe(17);
    const pageTwo = await get<Page>("/open/hsds/taxonomy_terms?page=2&per_page=10");
    expect(pageTwo).toMatchObject({ total_items: 17, total_pages: 2, size: 7, last_page: true, first_page: false });
    const categories = await get<Page>(`/open/hsds/taxonomy_terms?taxonomy_id=${taxonomyId}&per_page=100`);
    expect(categories.total_items).toBe(12);
    const elderly = categories.contents.find((term) => term.code === "elderly_care");
    expect(elderly).toMatchObject({ id: uuidV5("category:elderly_care"), name: "养老照护" });
    expectValid("taxonomy_term.json", await get(`/open/hsds/taxonomy_terms/${elderly?.id as string}`));
    await get(`/open/hsds/taxonomy_terms/${uuidV5("nothing")}`, 404);
  });

  it("derives RFC 9562 version-5 UUIDs (the RFC's example: www.example.com in the DNS namespace)", () => {
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });
});
