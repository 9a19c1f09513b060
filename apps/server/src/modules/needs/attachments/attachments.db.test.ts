import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { NeedAttachment, NeedDetail } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { auditLog } from "../../../platform/audit/schema.js";
import { buildUser } from "../../users/test/factories.js";
import { reportNeed } from "../test/factories.js";

/** Photos on needs over HTTP: magic bytes, size and count limits, scope on upload and download, idempotent retries. */

let t: TestApp;
type Client = ReturnType<typeof as>;
let resident: Client;
let otherResident: Client;
let staff: Client;
let otherStaff: Client;
let street: Client;
const community = "410105007002";

async function client(grants: Parameters<typeof buildUser>[1]): Promise<Client> {
  const user = await buildUser(t.ctx, grants);
  return as(t.app, await signIn(t.app, user.login));
}

const jpeg = (size = 2048) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]);
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);
const webp = () => Buffer.concat([Buffer.from("RIFF"), Buffer.from([0x10, 0, 0, 0]), Buffer.from("WEBPVP8 "), randomBytes(300)]);

function upload(who: Client, needId: string, bytes: Buffer, contentType = "image/jpeg", headers: Record<string, string> = {}) {
  return who.post(`/api/v1/needs/${needId}/attachments`, bytes, { headers: { "content-type": contentType, ...headers } });
}

const report = (who: Client): Promise<NeedDetail> => reportNeed(who, { category: "repairs", description: "楼道灯坏了" });

beforeAll(async () => {
  t = await createTestApp();
  resident = await client([{ role: "resident", area_code: community }]);
  otherResident = await client([{ role: "resident", area_code: community }]);
  staff = await client([{ role: "community_staff", area_code: community }]);
  otherStaff = await client([{ role: "community_staff", area_code: "410105007003" }]);
  street = await client([{ role: "official", area_code: "410105007" }]);
});

afterAll(async () => {
  await t.close();
});

describe("need attachments", () => {
  it("round-trips a photo: the bytes come back equal, with safe headers, listed on the need and audited", async () => {
    const need = await report(resident);
    const bytes = jpeg(300_000);
    const created = await upload(resident, need.id, bytes);
    expect(created.statusCode).toBe(201);
    const attachment = created.json<NeedAttachment>();
    expect(attachment).toMatchObject({ content_type: "image/jpeg", size_bytes: bytes.length });
    const download = await resident.get(`/api/v1/needs/${need.id}/attachments/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect(download.headers["content-type"]).toBe("image/jpeg");
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.headers["content-disposition"]).toBe("inline");
    expect(String(download.headers["cache-control"])).toContain("private");
    for (const reader of [staff, street]) {
      expect((await reader.get(`/api/v1/needs/${need.id}/attachments/${attachment.id}`)).rawPayload.equals(bytes)).toBe(true);
    }
    const detail = (await resident.get(`/api/v1/needs/${need.id}`)).json<NeedDetail>();
    expect(detail.attachments).toEqual([attachment]);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "needs.attachment_add"), eq(auditLog.entityId, need.id)));
    expect(audited).toHaveLength(1);
    expect(audited[0]?.detail).toMatchObject({ attachment: attachment.id, size_bytes: bytes.length });
  });

  it("judges the type by the bytes: PNG and WebP pass, a mislabelled or unknown file is refused", async () => {
    const need = await report(resident);
    expect((await upload(resident, need.id, png(), "image/png")).json()).toMatchObject({ content_type: "image/png" });
    expect((await upload(resident, need.id, webp(), "image/webp")).json()).toMatchObject({ content_type: "image/webp" });
    const fake = await upload(resident, need.id, Buffer.from("<svg onload=alert(1)></svg>"), "image/png");
    expect(fake.statusCode).toBe(415);
    expect(fake.json()).toMatchObject({ code: "ATTACHMENT_TYPE_REFUSED" });
    const empty = await upload(resident, need.id, Buffer.alloc(0), "image/jpeg");
    expect(empty.statusCode).toBe(415);
    const gif = await upload(resident, need.id, Buffer.from("GIF89a0000"), "image/gif");
    expect(gif.statusCode).toBe(415);
    expect(gif.json()).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    const json = await resident.post(`/api/v1/needs/${need.id}/attachments`, { image: "x" });
    expect(json.json()).toMatchObject({ code: "ATTACHMENT_TYPE_REFUSED" });
    // A JPEG sent as image/png is stored as what it is.
    expect((await upload(resident, need.id, jpeg(), "image/png")).json()).toMatchObject({ content_type: "image/jpeg" });
  });

  it("refuses a photo over 5 MB and a seventh photo", async () => {
    const need = await report(resident);
    const large = await upload(resident, need.id, jpeg(5 * 1024 * 1024 + 1));
    expect(large.statusCode).toBe(413);
    expect(large.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect((await upload(resident, need.id, jpeg(5 * 1024 * 1024))).statusCode).toBe(201);
    for (let index = 0; index < 5; index += 1) {
      expect((await upload(staff, need.id, jpeg())).statusCode).toBe(201);
    }
    const seventh = await upload(resident, need.id, jpeg());
    expect(seventh.statusCode).toBe(409);
    expect(seventh.json()).toMatchObject({ code: "ATTACHMENT_LIMIT_REACHED" });
    expect((await resident.get(`/api/v1/needs/${need.id}`)).json<NeedDetail>().attachments).toHaveLength(6);
  });

  it("answers 404 outside the need's scope, on upload and on download", async () => {
    const need = await report(resident);
    const attachment = (await upload(resident, need.id, jpeg())).json<NeedAttachment>();
    const url = `/api/v1/needs/${need.id}/attachments/${attachment.id}`;
    for (const outsider of [otherResident, otherStaff]) {
      expect((await upload(outsider, need.id, jpeg())).statusCode).toBe(404);
      expect((await outsider.get(url)).statusCode).toBe(404);
    }
    // Officials read needs but may not add photos (neither needs.report nor needs.write).
    expect((await upload(street, need.id, jpeg())).statusCode).toBe(403);
    // A photo is found only under its own need.
    const other = await report(otherResident);
    expect((await resident.get(`/api/v1/needs/${other.id}/attachments/${attachment.id}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/v1/needs/${other.id}/attachments/${attachment.id}`)).statusCode).toBe(404);
  });

  it("replays a retried upload with the same Idempotency-Key instead of storing it twice", async () => {
    const need = await report(resident);
    const bytes = jpeg();
    const headers = { "idempotency-key": `photo-${need.id}` };
    const first = await upload(resident, need.id, bytes, "image/jpeg", headers);
    const retry = await upload(resident, need.id, bytes, "image/jpeg", headers);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json<NeedAttachment>().id).toBe(first.json<NeedAttachment>().id);
    expect((await upload(resident, need.id, jpeg(), "image/jpeg", headers)).json()).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect((await resident.get(`/api/v1/needs/${need.id}`)).json<NeedDetail>().attachments).toHaveLength(1);
  });
});
