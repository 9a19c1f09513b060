import type { ApiClient } from "@sanshe/contracts";
import type { apiClients } from "./schema.js";

type ApiClientRow = typeof apiClients.$inferSelect;

/** An API client as its administrators see it (never the key, only its prefix). */
export function presentApiClient(row: ApiClientRow, names: Map<string, string>): ApiClient {
  return {
    id: row.id,
    area_code: row.areaCode,
    area_name: names.get(row.areaCode) ?? row.areaCode,
    name: row.name,
    key_prefix: row.keyPrefix,
    enabled: row.enabled,
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    version: row.version,
    created_at: row.createdAt.toISOString(),
  };
}
