import { HomeOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { homeRoutes } from "./routes";
import homeZh from "./i18n/zh-CN.json";
import homeEn from "./i18n/en.json";

/** The console's home module: its pages, menu entries and translations (listed in app/modules.ts). */
export const homeModule: ConsoleModule = {
  name: "home",
  routes: [...homeRoutes],
  menu: [{ key: "home", to: "/", icon: <HomeOutlined />, labelKey: "app.nav.home", order: 10 }],
  messages: { "zh-CN": { ...homeZh }, en: { ...homeEn } },
};
