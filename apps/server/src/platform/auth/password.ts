import { hash, verify } from "@node-rs/argon2";

// argon2id (memory-hard), OWASP's 19 MiB / 2 passes baseline.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Checks a password against its argon2id hash; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/** A fixed hash to verify against when the login does not exist, so timing does not reveal accounts. */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword("sanshe-decoy-password-0");
  return decoy;
}
