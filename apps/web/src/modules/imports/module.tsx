import { CloudUploadOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { importRoutes } from "./routes";
import importsZh from "./i18n/zh-CN.json";
import importsEn from "./i18n/en.json";

/** The console's imports module: its pages, menu entries and translations (listed in app/modules.ts). */
export const importsModule: ConsoleModule = {
  name: "imports",
  routes: [...importRoutes],
  menu: [
    { key: "imports", to: "/imports", icon: <CloudUploadOutlined />, labelKey: "app.nav.imports", permission: "imports.run", order: 250 },
  ],
  messages: { "zh-CN": { ...importsZh }, en: { ...importsEn } },
};
