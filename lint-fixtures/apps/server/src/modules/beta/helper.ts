// expect: test-helpers-in-tests-only
// Rule 1: only test files may import a module's test/ helpers.
import { buildGamma } from "../gamma/test/factories.js";

export const helper = buildGamma;
