// expect: no-cycle
// Rule 5: queries.ts and present.ts import each other.
import { presentGamma } from "./present.js";

export const readGamma = (): string => "gamma";
export const listGammas = (): string[] => [presentGamma()];
