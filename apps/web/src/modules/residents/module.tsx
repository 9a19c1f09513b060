import { IdcardOutlined, UserOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { residentRoutes } from "./routes";
import residentsZh from "./i18n/zh-CN.json";
import residentsEn from "./i18n/en.json";

/** The console's residents module: its pages, menu entries and translations (listed in app/modules.ts). */
export const residentsModule: ConsoleModule = {
  name: "residents",
  routes: [...residentRoutes],
  menu: [
    { key: "residents", to: "/residents", icon: <UserOutlined />, labelKey: "app.nav.residents", permission: "residents.read", order: 70 },
    {
      key: "my-record",
      to: "/my-record",
      icon: <IdcardOutlined />,
      labelKey: "residents.nav.myRecord",
      permission: "needs.report",
      order: 100,
    },
  ],
  messages: { "zh-CN": { ...residentsZh }, en: { ...residentsEn } },
};
