import type { ModuleManifest } from "../platform/module.js";
import { jurisdictionsModule } from "./jurisdictions/index.js";
import { socialOrgsModule } from "./social-orgs/index.js";
import { usersModule } from "./users/index.js";
import { auditLogModule } from "./audit-log/index.js";
import { residentsModule } from "./residents/index.js";

/** Every domain module, in dependency order (seeds run in this order). The only place modules are wired. */
export const modules: readonly ModuleManifest[] = [jurisdictionsModule, socialOrgsModule, usersModule, auditLogModule, residentsModule];
