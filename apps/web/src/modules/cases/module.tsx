import { FileProtectOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { caseRoutes } from "./routes";
import casesZh from "./i18n/zh-CN.json";
import casesEn from "./i18n/en.json";

/** The console's cases module: its pages, menu entries and translations (listed in app/modules.ts). */
export const casesModule: ConsoleModule = {
  name: "cases",
  routes: [...caseRoutes],
  menu: [{ key: "cases", to: "/cases", icon: <FileProtectOutlined />, labelKey: "app.nav.cases", permission: "cases.read", order: 80 }],
  messages: { "zh-CN": { ...casesZh }, en: { ...casesEn } },
};
