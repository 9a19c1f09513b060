import { ShopOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { communityRoutes } from "./routes";
import communitiesZh from "./i18n/zh-CN.json";
import communitiesEn from "./i18n/en.json";

/** The console's communities module: its pages, menu entries and translations (listed in app/modules.ts). */
export const communitiesModule: ConsoleModule = {
  name: "communities",
  routes: [...communityRoutes],
  menu: [
    {
      key: "communities",
      to: "/communities",
      icon: <ShopOutlined />,
      labelKey: "app.nav.communities",
      permission: "communities.read",
      order: 50,
    },
  ],
  messages: { "zh-CN": { ...communitiesZh }, en: { ...communitiesEn } },
};
