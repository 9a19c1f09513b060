import { assembleModules, type ModuleManifest } from "../platform/module.js";
import { jurisdictionsModule } from "./jurisdictions/index.js";
import { socialOrgsModule } from "./social-orgs/index.js";
import { usersModule } from "./users/index.js";
import { communitiesModule } from "./communities/index.js";
import { socialWorkersModule } from "./social-workers/index.js";
import { auditLogModule } from "./audit-log/index.js";
import { importsModule } from "./imports/index.js";
import { exportsModule } from "./exports/index.js";
import { residentsModule } from "./residents/index.js";
import { casesModule } from "./cases/index.js";
import { notificationsModule } from "./notifications/index.js";
import { needsModule } from "./needs/index.js";
import { servicesDirectoryModule } from "./services-directory/index.js";
import { apiClientsModule } from "./api-clients/index.js";
import { projectsModule } from "./projects/index.js";
import { meetingsModule } from "./meetings/index.js";
import { announcementsModule } from "./announcements/index.js";
import { calendarModule } from "./calendar/index.js";
import { adminTasksModule } from "./admin-tasks/index.js";
import { leadershipModule } from "./leadership/index.js";
import { homeModule } from "./home/index.js";

/**
 * Every domain module, in dependency order (seeds run in this order). The only place modules are wired:
 * the app, the CLI, the error catalog, the permission table and the calendar feeds come from here.
 */
export const modules: readonly ModuleManifest[] = [
  jurisdictionsModule,
  socialOrgsModule,
  usersModule,
  communitiesModule,
  socialWorkersModule,
  residentsModule,
  casesModule,
  notificationsModule,
  needsModule,
  servicesDirectoryModule,
  projectsModule,
  meetingsModule,
  adminTasksModule,
  apiClientsModule,
  announcementsModule,
  leadershipModule,
  homeModule,
  calendarModule,
  auditLogModule,
  importsModule,
  exportsModule,
];

/** The modules assembled: error codes and permissions registered, jobs, commands and sources collected. */
export const assembly = assembleModules(modules);
