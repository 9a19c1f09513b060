import { ApartmentOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { jurisdictionRoutes } from "./routes";
import jurisdictionsZh from "./i18n/zh-CN.json";
import jurisdictionsEn from "./i18n/en.json";

/** The console's jurisdictions module: its pages, menu entries and translations (listed in app/modules.ts). */
export const jurisdictionsModule: ConsoleModule = {
  name: "jurisdictions",
  routes: [...jurisdictionRoutes],
  menu: [{ key: "areas", to: "/areas", icon: <ApartmentOutlined />, labelKey: "app.nav.areas", permission: "areas.read", order: 30 }],
  messages: { "zh-CN": { ...jurisdictionsZh }, en: { ...jurisdictionsEn } },
};
