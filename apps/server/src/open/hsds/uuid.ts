import { createHash } from "node:crypto";

/** Sanshe's namespace for name-based identifiers in open-data feeds (a fixed random UUID). */
export const sansheNamespace = "5b0f7c7e-3a52-4d8e-9a7c-2f1d6c0b9e41";

/** RFC 9562 UUID version 5 (SHA-1, name-based): the same name in the same namespace gives the same UUID. */
export function uuidV5(name: string, namespace: string = sansheNamespace): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
