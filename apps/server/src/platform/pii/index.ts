import { createCipheriv, createDecipheriv, createHash, createHmac, getCiphers, getHashes, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Personal-information protection, domain-free (个人信息保护法, GB/T 35273, 等保 2.0 密码应用):
 * - field encryption with SM4-CBC (random IV) and HMAC-SM3 over version ‖ IV ‖ ciphertext
 *   (encrypt-then-MAC), so a changed byte is refused rather than decrypted to garbage;
 * - a keyed blind index, HMAC-SM3 over the field name and the normalized value with a key of its own,
 *   for exact look-up and duplicate detection without decrypting;
 * - masking for display.
 *
 * The three keys are derived from one 32-byte master key (SANSHE_PII_KEY) with HMAC-SM3 and distinct
 * labels, so the blind-index key cannot decrypt and the encryption key cannot forge an index.
 */

if (!getCiphers().includes("sm4-cbc") || !getHashes().includes("sm3")) {
  throw new Error("This Node.js build lacks SM4/SM3 (OpenSSL without SM algorithms); personal data cannot be protected.");
}

const formatVersion = 1;
const ivLength = 16;
const tagLength = 32;
const prefix = "v1:";

export type PiiKeys = { encryption: Buffer; authentication: Buffer; blindIndex: Buffer };

/** Derives the encryption (16 bytes), authentication and blind-index keys (32 bytes) from the master key. */
export function deriveKeys(master: Buffer): PiiKeys {
  if (master.length !== 32) {
    throw new Error("the PII master key must be 32 bytes (64 hex characters)");
  }
  const derive = (label: string) => createHmac("sm3", master).update(`sanshe-pii:${label}`).digest();
  return { encryption: derive("sm4-cbc").subarray(0, 16), authentication: derive("hmac-sm3"), blindIndex: derive("blind-index") };
}

/** The fixed development key (never for production): SM3 of a public label. */
export function developmentKey(): Buffer {
  return createHash("sm3").update("sanshe-development-pii-key-not-secret").digest();
}

/** One block of SM4 in ECB mode (test vectors only). */
export function sm4EncryptBlock(key: Buffer, block: Buffer): Buffer {
  const cipher = createCipheriv("sm4-ecb", key, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

export type Pii = {
  /** Encrypts a value: "v1:" + base64(version ‖ IV ‖ SM4-CBC ciphertext ‖ HMAC-SM3 tag). */
  encrypt(plaintext: string): string;
  /** Decrypts a value made by `encrypt`; throws when it was altered or made with another key. */
  decrypt(stored: string): string;
  /** Keyed blind index (hex) of a normalized value, separated by field so equal phone and ID values differ. */
  blindIndex(field: string, normalized: string): string;
};

export function createPii(master: Buffer): Pii {
  const keys = deriveKeys(master);
  const mac = (data: Buffer) => createHmac("sm3", keys.authentication).update(data).digest();
  return {
    encrypt(plaintext) {
      const iv = randomBytes(ivLength);
      const cipher = createCipheriv("sm4-cbc", keys.encryption, iv);
      const body = Buffer.concat([Buffer.from([formatVersion]), iv, cipher.update(plaintext, "utf8"), cipher.final()]);
      return prefix + Buffer.concat([body, mac(body)]).toString("base64");
    },
    decrypt(stored) {
      if (!stored.startsWith(prefix)) {
        throw new Error("unknown ciphertext format");
      }
      const raw = Buffer.from(stored.slice(prefix.length), "base64");
      if (raw.length < 1 + ivLength + 16 + tagLength || raw[0] !== formatVersion) {
        throw new Error("ciphertext too short or of an unknown version");
      }
      const body = raw.subarray(0, raw.length - tagLength);
      const tag = raw.subarray(raw.length - tagLength);
      if (!timingSafeEqual(tag, mac(body))) {
        throw new Error("ciphertext authentication failed");
      }
      const decipher = createDecipheriv("sm4-cbc", keys.encryption, body.subarray(1, 1 + ivLength));
      return Buffer.concat([decipher.update(body.subarray(1 + ivLength)), decipher.final()]).toString("utf8");
    },
    blindIndex(field, normalized) {
      return createHmac("sm3", keys.blindIndex).update(`${field}\u0000${normalized}`).digest("hex");
    },
  };
}

let current: Pii | null = null;

/** Sets the process's PII keys (the server and CLI call this once with the configured master key). */
export function configurePii(master: Buffer): void {
  current = createPii(master);
}

/** The configured PII protection; throws when the start-up forgot to configure it. */
export function pii(): Pii {
  if (!current) {
    throw new Error("PII protection is not configured (configurePii was not called)");
  }
  return current;
}

/** 410105********1234: keeps the first 6 (address code) and the last 4 characters of an ID number. */
export function maskIdNumber(value: string): string {
  if (value.length <= 10) {
    return "*".repeat(value.length);
  }
  return value.slice(0, 6) + "*".repeat(value.length - 10) + value.slice(-4);
}

/** 138****0005: keeps the first 3 and the last 4 digits of a mobile; a landline keeps its area code and last 4. */
export function maskPhone(value: string): string {
  if (/^1\d{10}$/.test(value)) {
    return `${value.slice(0, 3)}****${value.slice(-4)}`;
  }
  const landline = /^(0\d{2,3})-?(\d+)$/.exec(value);
  if (landline?.[1] && landline[2]) {
    const number = landline[2];
    return `${landline[1]}-${"*".repeat(Math.max(number.length - 4, 0))}${number.slice(-4)}`;
  }
  return value.length <= 4 ? "*".repeat(value.length) : "*".repeat(value.length - 4) + value.slice(-4);
}

/** 王*明: keeps the first and (for three characters or more) the last character of a name. */
export function maskName(value: string): string {
  const chars = [...value];
  if (chars.length <= 1) {
    return "*";
  }
  if (chars.length === 2) {
    return `${chars[0]}*`;
  }
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars.at(-1)}`;
}

/** w***@example.com: keeps the first character of the local part and the domain. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf("@");
  if (at < 1) {
    return "*".repeat(value.length);
  }
  return `${value[0]}***${value.slice(at)}`;
}

/** 金水区丰乐路12号院****: keeps the first third of an address (at most 8 characters) and hides the rest. */
export function maskAddress(value: string): string {
  const chars = [...value];
  const kept = Math.min(8, Math.floor(chars.length / 3));
  return `${chars.slice(0, kept).join("")}****`;
}
