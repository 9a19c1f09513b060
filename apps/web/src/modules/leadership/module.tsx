import { AimOutlined, ClusterOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { leadershipRoutes, leadershipStandaloneRoutes } from "./routes";
import leadershipZh from "./i18n/zh-CN.json";
import leadershipEn from "./i18n/en.json";

/** The console's leadership module: groups with responsibility lists, and yearly plans with targets. */
export const leadershipModule: ConsoleModule = {
  name: "leadership",
  routes: [...leadershipRoutes],
  standaloneRoutes: [...leadershipStandaloneRoutes],
  menu: [
    {
      key: "leadership-groups",
      to: "/leadership-groups",
      icon: <ClusterOutlined />,
      labelKey: "leadership.nav.groups",
      permission: "leadership.read",
      order: 212,
    },
    { key: "plans", to: "/plans", icon: <AimOutlined />, labelKey: "leadership.nav.plans", permission: "leadership.read", order: 214 },
  ],
  messages: { "zh-CN": { ...leadershipZh }, en: { ...leadershipEn } },
};
