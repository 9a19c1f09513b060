import { z } from "zod";
import { TimestampSchema } from "./common.js";
import { endpoint } from "./endpoint.js";

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

const tags = ["calendar"] as const;

/** The secret address of your private calendar feed (/calendar/users/{token}.ics). */
export const calendarEndpoints = {
  tokenStatus: endpoint({
    method: "GET",
    path: "/me/calendar-token",
    summary: "Whether your private calendar feed exists (the secret is never shown again)",
    tags,
    access: "authenticated",
    status: 200,
    response: CalendarTokenStatusSchema,
    omitProblems: [400, 404],
  }),
  createToken: endpoint({
    method: "POST",
    path: "/me/calendar-token",
    summary: "Create (or replace) your private calendar feed's secret; shown once",
    tags,
    access: "authenticated",
    status: 201,
    response: CalendarTokenCreatedSchema,
    omitProblems: [400, 404],
  }),
  revokeToken: endpoint({
    method: "DELETE",
    path: "/me/calendar-token",
    summary: "Revoke your private calendar feed",
    tags,
    access: "authenticated",
    status: 204,
    response: z.null().describe("Revoked"),
    omitProblems: [400, 404],
  }),
};
