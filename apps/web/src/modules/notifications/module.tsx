import type { ConsoleModule } from "../../ui/module";
import { notificationRoutes } from "./routes";
import notificationsZh from "./i18n/zh-CN.json";
import notificationsEn from "./i18n/en.json";

/** The console's notifications module: its pages, menu entries and translations (listed in app/modules.ts). */
export const notificationsModule: ConsoleModule = {
  name: "notifications",
  routes: [...notificationRoutes],
  messages: { "zh-CN": { ...notificationsZh }, en: { ...notificationsEn } },
};
