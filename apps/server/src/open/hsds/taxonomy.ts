import { serviceCategories, serviceTiers, type ServiceTier } from "@sanshe/contracts";
import { uuidV5 } from "./uuid.js";

/** The two Sanshe taxonomies published over HSDS: service categories and provider tiers. */
export const taxonomies = [
  {
    id: uuidV5("taxonomy:service_category"),
    name: "三社服务类别 (Sanshe service categories)",
    description: "Categories of community services in Sanshe (三社联动), the same codes as need categories.",
    version: "1",
    kind: "category" as const,
  },
  {
    id: uuidV5("taxonomy:service_tier"),
    name: "三社服务分层 (Sanshe service tiers)",
    description:
      "Provider tiers: public (community), special (organization), professional (social worker), personalized (commercial), developmental (self-organization).",
    version: "1",
    kind: "tier" as const,
  },
];

export type Term = { id: string; code: string; name: string; description: string; taxonomy_id: string; kind: "category" | "tier" };

const [categoryTaxonomy, tierTaxonomy] = taxonomies as [(typeof taxonomies)[0], (typeof taxonomies)[1]];

/** Every taxonomy term, categories then tiers, with stable UUIDs derived from their codes. */
export const terms: Term[] = [
  ...Object.entries(serviceCategories).map(([code, labels]) => ({
    id: uuidV5(`category:${code}`),
    code,
    name: labels["zh-CN"],
    description: labels.en,
    taxonomy_id: categoryTaxonomy.id,
    kind: "category" as const,
  })),
  ...Object.entries(serviceTiers).map(([code, labels]) => ({
    id: uuidV5(`tier:${code}`),
    code,
    name: labels["zh-CN"],
    description: labels.en,
    taxonomy_id: tierTaxonomy.id,
    kind: "tier" as const,
  })),
];

export const termById = new Map(terms.map((term) => [term.id, term]));
export const categoryTerm = (code: string) => terms.find((term) => term.kind === "category" && term.code === code);
export const tierTerm = (code: ServiceTier) => terms.find((term) => term.kind === "tier" && term.code === code);

/** A term in HSDS shape (with its taxonomy detail). */
export function presentTerm(term: Term) {
  const taxonomy = taxonomies.find((entry) => entry.id === term.taxonomy_id);
  return {
    id: term.id,
    code: term.code,
    name: term.name,
    description: term.description,
    taxonomy_id: term.taxonomy_id,
    language: "zh",
    ...(taxonomy ? { taxonomy: taxonomy.name, taxonomy_detail: presentTaxonomy(taxonomy) } : {}),
  };
}

export function presentTaxonomy(taxonomy: (typeof taxonomies)[number]) {
  return { id: taxonomy.id, name: taxonomy.name, description: taxonomy.description, version: taxonomy.version };
}
