import { NotificationOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { announcementRoutes } from "./routes";
import announcementsZh from "./i18n/zh-CN.json";
import announcementsEn from "./i18n/en.json";

/** The console's announcements module: its pages, menu entries and translations (listed in app/modules.ts). */
export const announcementsModule: ConsoleModule = {
  name: "announcements",
  routes: [...announcementRoutes],
  menu: [{ key: "announcements", to: "/announcements", icon: <NotificationOutlined />, labelKey: "announcements.nav", order: 20 }],
  messages: { "zh-CN": { ...announcementsZh }, en: { ...announcementsEn } },
};
