// expect: no-cycle
// Rule 5: present.ts and queries.ts import each other.
import { readGamma } from "./queries.js";

export const presentGamma = (): string => readGamma();
