import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { ApiClient, ApiClientCreate, ApiClientCreated, ApiClientListQuery, ApiClientStatus, Page } from "@sanshe/contracts";
import { withTx, type ActorCtx, type Ctx } from "../../platform/ctx.js";
import { queryRows } from "../../platform/db/client.js";
import { AppError, notFound, versionConflict } from "../../platform/errors/app-error.js";
import { inScope } from "../../platform/scope/index.js";
import { getAreaNames } from "../jurisdictions/index.js";
import { apiClients } from "./schema.js";
import { presentApiClient } from "./present.js";

type ApiClientRow = typeof apiClients.$inferSelect;

/** SHA-256 (hex) of a key: what the table keeps. */
export function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** A fresh random key: 32 bytes, base64url (43 characters). */
export function generateKey(): string {
  return randomBytes(32).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") {
      if (/^[0-9a-f-]{36}$/.test(value[1]) && !Number.isNaN(Date.parse(value[0]))) {
        return [value[0], value[1]];
      }
    }
  } catch {
    return null;
  }
  return null;
}

/** API clients inside the administrator's scope, newest first (keyset). */
export async function listApiClients(ctx: ActorCtx, query: ApiClientListQuery): Promise<Page<ApiClient>> {
  const conditions: SQL[] = [inScope(apiClients.areaCode, ctx.actor.scope("api_clients.manage"))];
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (after) {
    conditions.push(sql`(${apiClients.createdAt}, ${apiClients.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  }
  const rows = await ctx.db
    .select()
    .from(apiClients)
    .where(and(...conditions))
    .orderBy(desc(apiClients.createdAt), desc(apiClients.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const names = await getAreaNames(
    ctx,
    page.map((row) => row.areaCode),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => presentApiClient(row, names)),
    next_cursor:
      rows.length > query.limit && last ? Buffer.from(JSON.stringify([last.createdAt.toISOString(), last.id])).toString("base64url") : null,
  };
}

/** Inserts a client with the given key (the demo seed passes its fixed key). */
export async function insertApiClient(ctx: Ctx, input: ApiClientCreate, key: string, createdBy: string | null): Promise<ApiClientRow> {
  const [row] = await ctx.db
    .insert(apiClients)
    .values({ areaCode: input.area_code, name: input.name, keyHash: hashKey(key), keyPrefix: key.slice(0, 6), createdBy })
    .returning();
  const client = row as ApiClientRow;
  await ctx.audit.record("api_clients.create", {
    entityType: "api_client",
    entityId: client.id,
    areaCode: client.areaCode,
    detail: { name: client.name, key_prefix: client.keyPrefix },
  });
  return client;
}

/** Creates a client in the administrator's scope with a random key, returned this once. */
export async function createApiClient(ctx: ActorCtx, input: ApiClientCreate): Promise<ApiClientCreated> {
  if (!ctx.actor.scope("api_clients.manage").some((prefix) => input.area_code.startsWith(prefix))) {
    throw new AppError("SCOPE_EXCEEDED");
  }
  const key = generateKey();
  const row = await withTx(ctx, (tx) => insertApiClient(tx, input, key, tx.actor.userId));
  const names = await getAreaNames(ctx, [row.areaCode]);
  return { ...presentApiClient(row, names), api_key: key };
}

/** Enables or disables a client in scope (send the version read); 404 outside scope, 409 on a stale version. */
export async function setApiClientStatus(ctx: ActorCtx, id: string, input: ApiClientStatus): Promise<ApiClient> {
  const row = await withTx(ctx, async (tx) => {
    const [current] = await tx.db
      .select()
      .from(apiClients)
      .where(and(eq(apiClients.id, id), inScope(apiClients.areaCode, tx.actor.scope("api_clients.manage"))))
      .for("update");
    if (!current) {
      throw notFound();
    }
    if (current.version !== input.version) {
      throw versionConflict(presentApiClient(current, new Map()));
    }
    const [updated] = await tx.db
      .update(apiClients)
      .set({ enabled: input.enabled, version: current.version + 1, updatedAt: tx.now() })
      .where(eq(apiClients.id, id))
      .returning();
    await tx.audit.record(input.enabled ? "api_clients.enable" : "api_clients.disable", {
      entityType: "api_client",
      entityId: id,
      areaCode: current.areaCode,
      detail: { name: current.name },
    });
    return updated as ApiClientRow;
  });
  return presentApiClient(row, await getAreaNames(ctx, [row.areaCode]));
}

/** The caller of the open API: an enabled client and its scope. */
export type ApiClientIdentity = { id: string; name: string; areaCode: string; login: string };

/** Last use is written at most once a minute, so a busy client's requests do not queue on its row lock. */
const touchEveryMs = 60_000;

/**
 * The enabled client holding `key` (looked up by its SHA-256), or null for a missing, unknown or
 * disabled key. One statement: the look-up, and the last_used_at refresh when it is a minute old.
 */
export async function authenticateApiClient(ctx: Ctx, key: string | undefined | null): Promise<ApiClientIdentity | null> {
  if (!key || key.length > 200) {
    return null;
  }
  const now = ctx.now();
  const staleBefore = new Date(now.getTime() - touchEveryMs);
  const [row] = await queryRows<{ id: string; name: string; area_code: string }>(
    ctx.db,
    sql`WITH client AS (
          SELECT ${apiClients.id} AS id, ${apiClients.name} AS name, ${apiClients.areaCode} AS area_code, ${apiClients.lastUsedAt} AS last_used_at
          FROM ${apiClients}
          WHERE ${apiClients.keyHash} = ${hashKey(key)} AND ${apiClients.enabled}
        ), touched AS (
          UPDATE ${apiClients} SET last_used_at = ${now.toISOString()}::timestamptz
          FROM client
          WHERE ${apiClients.id} = client.id
            AND (client.last_used_at IS NULL OR client.last_used_at < ${staleBefore.toISOString()}::timestamptz)
          RETURNING 1
        )
        SELECT id, name, area_code FROM client`,
  );
  return row ? { id: row.id, name: row.name, areaCode: row.area_code, login: `open311:${row.name}` } : null;
}
