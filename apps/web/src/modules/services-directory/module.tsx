import { ShopOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { publicServiceRoutes, serviceRoutes } from "./routes";
import servicesZh from "./i18n/zh-CN.json";
import servicesEn from "./i18n/en.json";

/** The console's services-directory module: its pages, menu entries and translations (listed in app/modules.ts). */
export const servicesDirectoryModule: ConsoleModule = {
  name: "services-directory",
  routes: [...serviceRoutes],
  publicRoutes: [...publicServiceRoutes],
  menu: [{ key: "services", to: "/services", icon: <ShopOutlined />, labelKey: "services.nav", permission: "services.write", order: 220 }],
  messages: { "zh-CN": { ...servicesZh }, en: { ...servicesEn } },
};
