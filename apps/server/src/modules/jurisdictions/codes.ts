import type { AreaKind, AreaLevel } from "@sanshe/contracts";

const levelByLength: Record<number, AreaLevel> = { 2: "province", 4: "city", 6: "district", 9: "street", 12: "community" };
const lengths = [2, 4, 6, 9, 12] as const;

/** Level of a division code from its length; null for a malformed code. */
export function levelOf(code: string): AreaLevel | null {
  return /^\d+$/.test(code) ? (levelByLength[code.length] ?? null) : null;
}

/** The parent's code (the code without its last segment), null at province level. */
export function parentOf(code: string): string | null {
  const index = lengths.indexOf(code.length as (typeof lengths)[number]);
  return index > 0 ? code.slice(0, lengths[index - 1]) : null;
}

/** Codes of every ancestor, from the top down. */
export function ancestorsOf(code: string): string[] {
  return lengths.filter((length) => length < code.length).map((length) => code.slice(0, length));
}

/**
 * Kind from the NBS ranges of 统计用区划代码: streets 001–099 街道, 100–199 镇, 200–399 乡, 400+ zone-type
 * units; communities 001–199 and 400–599 居委会-type, 200–399 and 600+ 村委会-type.
 */
export function kindOf(code: string): AreaKind {
  const level = levelOf(code);
  const serial = Number.parseInt(code.slice(-3), 10);
  if (level === "street") {
    return serial < 100 ? "subdistrict" : serial < 200 ? "town" : serial < 400 ? "township" : "zone";
  }
  if (level === "community") {
    return serial < 200 || (serial >= 400 && serial < 600) ? "neighborhood" : "village";
  }
  return null;
}
