import { HeartOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { publicSocialOrgRoutes, socialOrgRoutes } from "./routes";
import socialOrgsZh from "./i18n/zh-CN.json";
import socialOrgsEn from "./i18n/en.json";

/** The console's social-orgs module: its pages, menu entries and translations (listed in app/modules.ts). */
export const socialOrgsModule: ConsoleModule = {
  name: "social-orgs",
  routes: [...socialOrgRoutes],
  publicRoutes: [...publicSocialOrgRoutes],
  menu: [
    {
      key: "socialOrgs",
      to: "/social-orgs",
      icon: <HeartOutlined />,
      labelKey: "app.nav.socialOrgs",
      permission: "social_orgs.read",
      order: 40,
    },
  ],
  messages: { "zh-CN": { ...socialOrgsZh }, en: { ...socialOrgsEn } },
};
