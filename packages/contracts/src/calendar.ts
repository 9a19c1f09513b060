import { z } from "zod";
import { TimestampSchema } from "./common.js";

export const CalendarTokenStatusSchema = z.object({
  active: z.boolean().describe("A private feed address exists"),
  created_at: TimestampSchema.nullable(),
});
export type CalendarTokenStatus = z.infer<typeof CalendarTokenStatusSchema>;

export const CalendarTokenCreatedSchema = z.object({
  token: z.string().describe("The secret, shown this once"),
  path: z.string().describe("Path of your private feed, e.g. /calendar/users/{token}.ics"),
  created_at: TimestampSchema,
});
export type CalendarTokenCreated = z.infer<typeof CalendarTokenCreatedSchema>;
