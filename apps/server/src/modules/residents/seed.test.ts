import { describe, expect, it } from "vitest";
import { idNumberProblem, parseIdNumber } from "@sanshe/contracts";
import { demoCommunities, generateDemoResidents } from "./seed.js";

describe(generateDemoResidents.name, () => {
  const world = generateDemoResidents(2000);

  it("is deterministic", () => {
    const again = generateDemoResidents(2000);
    expect(again.residents.map((r) => [r.name, r.idNumber, r.phone])).toEqual(world.residents.map((r) => [r.name, r.idNumber, r.phone]));
  });

  it("makes about 2,000 residents with valid, unique ID numbers matching gender and birth date", () => {
    expect(world.residents.length).toBeGreaterThanOrEqual(2000);
    expect(world.residents.length).toBeLessThan(2010);
    expect(new Set(world.residents.map((r) => r.idNumber)).size).toBe(world.residents.length);
    for (const resident of world.residents) {
      expect(idNumberProblem(resident.idNumber)).toBeNull();
      expect(resident.idNumber.startsWith("410105")).toBe(true);
      expect(parseIdNumber(resident.idNumber).gender).toBe(resident.gender);
    }
  });

  it("spreads residents over the 12 communities in households of 2 to 4", () => {
    expect(new Set(world.residents.map((r) => r.areaCode))).toEqual(new Set(demoCommunities));
    const sizes = new Map<string, number>();
    for (const resident of world.residents) {
      if (resident.householdId) {
        sizes.set(resident.householdId, (sizes.get(resident.householdId) ?? 0) + 1);
      }
    }
    expect([...sizes.values()].every((size) => size >= 2 && size <= 4)).toBe(true);
    expect(world.households.every((household) => world.residents.some((r) => r.id === household.headId && r.relation === "head"))).toBe(
      true,
    );
    expect(world.residents.some((r) => r.groups.includes("elderly_alone"))).toBe(true);
    expect(world.residents.some((r) => r.groups.includes("minor"))).toBe(true);
  });
});
