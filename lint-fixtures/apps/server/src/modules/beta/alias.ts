// expect: not-to-unresolvable
// Rule 7: the `#server/*` alias is no longer declared (apps/server/package.json "imports"); it resolves nowhere.
import { listAlphas } from "#server/modules/alpha/index.js";

export const alias = listAlphas;
