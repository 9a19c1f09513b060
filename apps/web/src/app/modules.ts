import type { ConsoleModule } from "../ui/module";
import { authModule } from "../modules/auth";
import { homeModule } from "../modules/home";
import { jurisdictionsModule } from "../modules/jurisdictions";
import { residentsModule } from "../modules/residents";
import { casesModule } from "../modules/cases";
import { meetingsModule } from "../modules/meetings";
import { leadershipModule } from "../modules/leadership";
import { projectsModule } from "../modules/projects";
import { servicesDirectoryModule } from "../modules/services-directory";
import { communitiesModule } from "../modules/communities";
import { socialOrgsModule } from "../modules/social-orgs";
import { socialWorkersModule } from "../modules/social-workers";
import { needsModule } from "../modules/needs";
import { notificationsModule } from "../modules/notifications";
import { announcementsModule } from "../modules/announcements";
import { usersModule } from "../modules/users";
import { apiClientsModule } from "../modules/api-clients";
import { auditModule } from "../modules/audit";
import { importsModule } from "../modules/imports";
import { adminTasksModule } from "../modules/admin-tasks";

/**
 * Every console module: the only place modules are wired on the console side. The router, the side
 * menu and the translations are assembled from this list (translations merge in this order).
 */
export const consoleModules: readonly ConsoleModule[] = [
  authModule,
  homeModule,
  jurisdictionsModule,
  residentsModule,
  casesModule,
  meetingsModule,
  leadershipModule,
  projectsModule,
  servicesDirectoryModule,
  communitiesModule,
  socialOrgsModule,
  socialWorkersModule,
  needsModule,
  notificationsModule,
  announcementsModule,
  usersModule,
  apiClientsModule,
  auditModule,
  importsModule,
  adminTasksModule,
];

/** The side menu: every module's entries, in their declared order. */
export const menuEntries = consoleModules.flatMap((module) => module.menu ?? []).sort((a, b) => a.order - b.order);
