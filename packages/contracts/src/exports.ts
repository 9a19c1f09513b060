import { z } from "zod";
import { endpoint } from "./endpoint.js";

export const ExportFormatSchema = z.enum(["xlsx", "csv"]);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const ExportParamsSchema = z.object({
  kind: z
    .string()
    .regex(/^[a-z-]{2,40}$/)
    .describe("What to export: residents, social-orgs, social-workers, communities, …"),
});

export const ExportQuerySchema = z
  .looseObject({ format: ExportFormatSchema.default("xlsx").describe("File format") })
  .describe("format plus the list's own filters");

export const exportEndpoints = {
  download: endpoint({
    method: "GET",
    path: "/exports/:kind",
    summary: "Export a filtered list to XLSX or CSV (masked, streamed, audited); the list's filters go in the query string",
    tags: ["exports"],
    access: "authenticated",
    params: ExportParamsSchema,
    query: ExportQuerySchema,
    status: 200,
    response: z.any().describe("The file"),
    download: true,
  }),
};
