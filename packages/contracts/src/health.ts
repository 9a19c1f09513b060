import { z } from "zod";

export const HealthSchema = z.object({
  status: z.literal("ok").describe("Always ok when the server can answer and reach its database"),
  database: z.enum(["pglite", "postgres"]).describe("Which storage the server runs on"),
  version: z.string().describe("Sanshe version"),
});
export type Health = z.infer<typeof HealthSchema>;
