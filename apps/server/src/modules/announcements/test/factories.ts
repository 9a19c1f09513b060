import type { AnnouncementCreate, AnnouncementDetail } from "@sanshe/contracts";
import type { as } from "../../../../test/test-app.js";

/** Builders for announcements in tests, over HTTP as a signed-in client. */

type Client = ReturnType<typeof as>;

/** What an announcement needs at least: its area; everything else has a default. */
export type AnnouncementInput = Partial<AnnouncementCreate> & { area_code: string };

/**
 * Publishes an announcement as `who` (POST /api/v1/announcements; an official or community staff
 * of the area or above), titled 测试公告 with a one-paragraph body unless given. @throws unless 201.
 */
export async function publishAnnouncement(who: Client, input: AnnouncementInput): Promise<AnnouncementDetail> {
  const response = await who.post("/api/v1/announcements", { title: "测试公告", body_html: "<p>正文</p>", ...input });
  if (response.statusCode !== 201) {
    throw new Error(`POST /api/v1/announcements: expected 201, got ${response.statusCode} ${response.body}`);
  }
  return response.json<AnnouncementDetail>();
}
