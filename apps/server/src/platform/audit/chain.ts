import { createHash, getHashes } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../db/client.js";

if (!getHashes().includes("sm3")) {
  throw new Error("This Node.js build lacks SM3 (OpenSSL without SM algorithms); the audit chain needs it.");
}

// The advisory lock that makes one sealer at a time link rows, across processes.
const sealerLockKey = 74616002;
const genesis = "0".repeat(64);

type ChainRow = {
  id: string;
  seq: string | null;
  prev_hash: string | null;
  hash: string | null;
  canonical: string;
};

// Everything of a row that the hash covers, rendered by PostgreSQL so both storages agree to the byte.
const canonicalColumns = sql.raw(`json_build_array(
  id::text,
  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
  actor_id::text, actor_login, action, entity_type, entity_id, area_code, ip, request_id, outcome,
  detail::text
)::text AS canonical`);

/** A PostgreSQL array literal of digits or hex strings, passed as one parameter on both drivers. */
function pgArray(values: readonly string[]): string {
  return `{${values.join(",")}}`;
}

/** SM3 of the previous link, the chain position and the row's canonical text. */
export function linkHash(prevHash: string, seq: bigint | string, canonical: string): string {
  return createHash("sm3").update(`${prevHash}\n${seq}\n${canonical}`).digest("hex");
}

/**
 * Seals committed, unsealed audit rows into the hash chain, in id order, up to `batchSize` per call.
 * Writers never wait for this: they insert unsealed rows in their own transactions. Returns how many
 * rows were sealed (0 when another sealer holds the lock).
 */
export async function sealAuditLog(db: Db, batchSize = 1000): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ locked: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${sealerLockKey}) AS locked`);
    if (!lock?.locked) {
      return 0;
    }
    const [last] = await queryRows<{ seq: string; hash: string }>(
      tx,
      sql`SELECT seq::text AS seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY audit_log.seq DESC LIMIT 1`,
    );
    const pending = await queryRows<ChainRow>(
      tx,
      sql`SELECT id::text AS id, NULL AS seq, NULL AS prev_hash, NULL AS hash, ${canonicalColumns}
          FROM audit_log WHERE seq IS NULL ORDER BY audit_log.id LIMIT ${batchSize}`,
    );
    if (pending.length === 0) {
      return 0;
    }
    let seq = last ? BigInt(last.seq) : 0n;
    let prevHash = last?.hash ?? genesis;
    const ids: string[] = [];
    const seqs: string[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    for (const row of pending) {
      seq += 1n;
      const hash = linkHash(prevHash, seq, row.canonical);
      ids.push(row.id);
      seqs.push(seq.toString());
      prevs.push(prevHash);
      hashes.push(hash);
      prevHash = hash;
    }
    await tx.execute(sql`
      UPDATE audit_log AS a SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
      FROM unnest(${pgArray(ids)}::bigint[], ${pgArray(seqs)}::bigint[], ${pgArray(prevs)}::text[], ${pgArray(hashes)}::text[])
        AS v(id, seq, prev_hash, hash)
      WHERE a.id = v.id`);
    return pending.length;
  });
}

/** Seals everything that is committed now. */
export async function sealAll(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await sealAuditLog(db);
    total += sealed;
    if (sealed === 0) {
      return total;
    }
  }
}

export type ChainVerification = {
  ok: boolean;
  verified: number;
  firstBroken: { id: string; seq: string; reason: string } | null;
  sealedUntil: string | null;
};

/**
 * Walks the chain in seq order and recomputes every link. Reports the first record whose position,
 * previous link or content no longer matches.
 */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainVerification> {
  let expectedSeq = 1n;
  let prevHash = genesis;
  let verified = 0;
  let lastSeq: string | null = null;
  for (;;) {
    const rows = await queryRows<ChainRow>(
      db,
      sql`SELECT id::text AS id, seq::text AS seq, prev_hash, hash, ${canonicalColumns}
          FROM audit_log WHERE seq >= ${expectedSeq.toString()}::bigint ORDER BY audit_log.seq LIMIT ${pageSize}`,
    );
    if (rows.length === 0) {
      return { ok: true, verified, firstBroken: null, sealedUntil: lastSeq };
    }
    for (const row of rows) {
      const seq = row.seq ?? "";
      const broken = (reason: string): ChainVerification => ({
        ok: false,
        verified,
        firstBroken: { id: row.id, seq, reason },
        sealedUntil: lastSeq,
      });
      if (BigInt(seq) !== expectedSeq) {
        return broken(`missing record at chain position ${expectedSeq}`);
      }
      if (row.prev_hash !== prevHash) {
        return broken("previous-link mismatch");
      }
      if (row.hash !== linkHash(prevHash, seq, row.canonical)) {
        return broken("content does not match its hash");
      }
      prevHash = row.hash;
      expectedSeq += 1n;
      verified += 1;
      lastSeq = seq;
    }
  }
}
