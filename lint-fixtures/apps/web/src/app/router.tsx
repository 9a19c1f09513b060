// expect: console-app-uses-module-index
// Rule 6: app/ imports a console module's page instead of its index.ts.
import { Page } from "../modules/delta/pages/Page";

export const router = Page;
