import { ApiOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { apiClientRoutes } from "./routes";
import apiClientsZh from "./i18n/zh-CN.json";
import apiClientsEn from "./i18n/en.json";

/** The console's api-clients module: its pages, menu entries and translations (listed in app/modules.ts). */
export const apiClientsModule: ConsoleModule = {
  name: "api-clients",
  routes: [...apiClientRoutes],
  menu: [
    {
      key: "api-clients",
      to: "/api-clients",
      icon: <ApiOutlined />,
      labelKey: "apiClients.nav",
      permission: "api_clients.manage",
      order: 240,
    },
  ],
  messages: { "zh-CN": { ...apiClientsZh }, en: { ...apiClientsEn } },
};
