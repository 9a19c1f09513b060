import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ProblemSchema, text, UuidSchema } from "@sanshe/contracts";
import { notFound } from "../../platform/errors/app-error.js";
import { getAreaNames } from "../../modules/jurisdictions/index.js";
import { getPublicSocialOrg, pagePublicSocialOrgs } from "../../modules/social-orgs/index.js";
import { findPublishedService, pagePublishedServices, type ServiceRow } from "../../modules/services-directory/index.js";
import { getPublicFacilities } from "../../modules/communities/index.js";
import type { Ctx } from "../../platform/ctx.js";
import { locationAreaCodes, presentOrganization, presentService, type LocationFacts } from "./present.js";
import { presentTaxonomy, presentTerm, taxonomies, termById, terms } from "./taxonomy.js";

/** HSDS version served. */
export const hsdsVersion = "3.0.1";
/** The official OpenAPI description this feed implements (HSDS 3.0, core profile). */
export const hsdsOpenapiUrl = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json";
export const hsdsProfile = "https://github.com/openreferral/specification/tree/3.0";

const tags = ["open-hsds"];
/** HSDS bodies are described by the official schemas (openapi_url), not repeated here. */
const hsdsBody = z.any().describe("HSDS 3.0 JSON, see the official schemas");
const listResponses = { 200: hsdsBody, 400: ProblemSchema };
const oneResponses = { 200: hsdsBody, 400: ProblemSchema, 404: ProblemSchema };

/** HSDS page-number pagination: page ≥ 1, per_page 1…100 (larger values are capped at 100). */
const PageParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).describe("Page number, from 1"),
  per_page: z.coerce
    .number()
    .int()
    .min(1)
    .default(50)
    .transform((value) => Math.min(value, 100))
    .describe("Items per page, 1 to 100 (capped at 100)"),
});

const SearchSchema = text({ max: 64 }).optional().describe("Search in name and description (Chinese works)");
const IdParamsSchema = z.object({ id: UuidSchema });

/** Facilities and area names (service areas and locations) for these rows: two queries whatever their number. */
async function locationFacts(ctx: Ctx, rows: readonly ServiceRow[]): Promise<LocationFacts> {
  const facilities = await getPublicFacilities(
    ctx,
    rows.flatMap((row) => (row.locationFacilityId ? [row.locationFacilityId] : [])),
  );
  const areaNames = await getAreaNames(ctx, [...rows.flatMap((row) => row.serviceAreaCodes), ...locationAreaCodes(rows, facilities)]);
  return { facilities, areaNames };
}

/** The HSDS Page object around `contents`. */
export function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number) {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

function slice<T>(items: readonly T[], page: number, perPage: number): T[] {
  return items.slice((page - 1) * perPage, page * perPage);
}

/**
 * The Open Referral HSDS 3.0 feed of the service directory (read-only, public): services,
 * organizations, taxonomies and taxonomy terms. Transport only: data comes from the modules' queries.
 */
export const hsdsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/",
    {
      schema: { summary: "HSDS API information: version, profile and OpenAPI description", tags, response: listResponses },
      config: { access: "public" },
    },
    async () => ({ version: hsdsVersion, profile: hsdsProfile, openapi_url: hsdsOpenapiUrl }),
  );

  app.get(
    "/services",
    {
      schema: {
        summary: "Published services, paginated by page number (HSDS Page)",
        tags,
        querystring: PageParamsSchema.extend({
          search: SearchSchema,
          taxonomy_term_id: UuidSchema.optional().describe("Only services with this category or tier term"),
          taxonomy_id: UuidSchema.optional().describe("Only services with a term of this taxonomy (every service has both)"),
          organization_id: UuidSchema.optional().describe("Only services of this organization"),
        }),
        response: listResponses,
      },
      config: { access: "public" },
    },
    async (request) => {
      const {
        page,
        per_page: perPage,
        search,
        taxonomy_term_id: termId,
        taxonomy_id: taxonomyId,
        organization_id: organizationId,
      } = request.query;
      const term = termId ? termById.get(termId) : undefined;
      const unknownFilter =
        (termId !== undefined && !term) || (taxonomyId !== undefined && !taxonomies.some((entry) => entry.id === taxonomyId));
      if (unknownFilter) {
        return hsdsPage([], 0, page, perPage);
      }
      const { total, rows } = await pagePublishedServices(request.ctx, {
        q: search,
        category: term?.kind === "category" ? term.code : undefined,
        tier: term?.kind === "tier" ? (term.code as "public") : undefined,
        organizationId,
        page,
        perPage,
      });
      const facts = await locationFacts(request.ctx, rows);
      return hsdsPage(
        rows.map((row) => presentService(row, facts)),
        total,
        page,
        perPage,
      );
    },
  );

  app.get(
    "/services/:id",
    {
      schema: { summary: "One published service, fully nested (HSDS service)", tags, params: IdParamsSchema, response: oneResponses },
      config: { access: "public" },
    },
    async (request) => {
      const row = await findPublishedService(request.ctx, request.params.id);
      if (!row) {
        throw notFound();
      }
      const [facts, organization] = await Promise.all([
        locationFacts(request.ctx, [row]),
        row.organizationId ? getPublicSocialOrg(request.ctx, row.organizationId).catch(() => undefined) : Promise.resolve(undefined),
      ]);
      return presentService(row, facts, organization);
    },
  );

  app.get(
    "/organizations",
    {
      schema: {
        summary: "Active organizations' public profiles (HSDS Page)",
        tags,
        querystring: PageParamsSchema.extend({ search: SearchSchema }),
        response: listResponses,
      },
      config: { access: "public" },
    },
    async (request) => {
      const { page, per_page: perPage, search } = request.query;
      const { total, items } = await pagePublicSocialOrgs(request.ctx, { q: search, page, perPage });
      return hsdsPage(items.map(presentOrganization), total, page, perPage);
    },
  );

  app.get(
    "/organizations/:id",
    {
      schema: {
        summary: "One active organization's public profile (HSDS organization)",
        tags,
        params: IdParamsSchema,
        response: oneResponses,
      },
      config: { access: "public" },
    },
    async (request) => presentOrganization(await getPublicSocialOrg(request.ctx, request.params.id)),
  );

  app.get(
    "/taxonomies",
    {
      schema: {
        summary: "The Sanshe taxonomies: service categories and tiers (HSDS Page)",
        tags,
        querystring: PageParamsSchema,
        response: listResponses,
      },
      config: { access: "public" },
    },
    async (request) => {
      const { page, per_page: perPage } = request.query;
      return hsdsPage(slice(taxonomies, page, perPage).map(presentTaxonomy), taxonomies.length, page, perPage);
    },
  );

  app.get(
    "/taxonomies/:id",
    { schema: { summary: "One taxonomy", tags, params: IdParamsSchema, response: oneResponses }, config: { access: "public" } },
    async (request) => {
      const taxonomy = taxonomies.find((entry) => entry.id === request.params.id);
      if (!taxonomy) {
        throw notFound();
      }
      return presentTaxonomy(taxonomy);
    },
  );

  app.get(
    "/taxonomy_terms",
    {
      schema: {
        summary: "Terms of the Sanshe taxonomies (HSDS Page)",
        tags,
        querystring: PageParamsSchema.extend({ taxonomy_id: UuidSchema.optional().describe("Only terms of this taxonomy") }),
        response: listResponses,
      },
      config: { access: "public" },
    },
    async (request) => {
      const { page, per_page: perPage, taxonomy_id: taxonomyId } = request.query;
      const matching = taxonomyId ? terms.filter((term) => term.taxonomy_id === taxonomyId) : terms;
      return hsdsPage(slice(matching, page, perPage).map(presentTerm), matching.length, page, perPage);
    },
  );

  app.get(
    "/taxonomy_terms/:id",
    { schema: { summary: "One taxonomy term", tags, params: IdParamsSchema, response: oneResponses }, config: { access: "public" } },
    async (request) => {
      const term = termById.get(request.params.id);
      if (!term) {
        throw notFound();
      }
      return presentTerm(term);
    },
  );
};
