import type { Permission } from "@sanshe/contracts";
import type { ReactNode } from "react";
import type { RouteObject } from "react-router-dom";

/** One entry of the console's side menu; shown only to users holding `permission` (everyone when absent). */
export type MenuEntry = {
  key: string;
  to: string;
  icon: ReactNode;
  /** i18n key of the label. */
  labelKey: string;
  permission?: Permission;
  /** Position in the menu (ascending); modules interleave, so the order is given, not implied. */
  order: number;
};

/** A module's translations, merged into the console's i18next resources. */
export type Messages = { "zh-CN": Record<string, unknown>; en: Record<string, unknown> };

/**
 * What a console module offers the app: the only wiring point of a module on the console side
 * (app/modules.ts lists them). The router, the side menu and the translations are assembled from it.
 */
export type ConsoleModule = {
  name: string;
  /** Pages inside the console layout (menu and header around them). */
  routes?: RouteObject[];
  /** Pages for anyone, outside the layout (sign-in, public directories). */
  publicRoutes?: RouteObject[];
  /** Full-screen pages for signed-in users, outside the layout (a meeting's sign-in screen). */
  standaloneRoutes?: RouteObject[];
  menu?: MenuEntry[];
  messages: Messages;
};
