import { BranchesOutlined, DashboardOutlined, FormOutlined, InboxOutlined, MessageOutlined, ProfileOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { needRoutes, needStandaloneRoutes } from "./routes";
import needsZh from "./i18n/zh-CN.json";
import needsEn from "./i18n/en.json";

/** The console's needs module: its pages, menu entries and translations (listed in app/modules.ts). */
export const needsModule: ConsoleModule = {
  name: "needs",
  routes: [...needRoutes],
  standaloneRoutes: [...needStandaloneRoutes],
  menu: [
    { key: "report", to: "/report", icon: <FormOutlined />, labelKey: "needs.nav.report", permission: "needs.report", order: 90 },
    { key: "my-needs", to: "/my-needs", icon: <ProfileOutlined />, labelKey: "needs.nav.mine", permission: "needs.report", order: 91 },
    { key: "needs", to: "/needs", icon: <MessageOutlined />, labelKey: "needs.nav.list", permission: "needs.read", order: 110 },
    {
      key: "needs-dashboard",
      to: "/needs/dashboard",
      icon: <DashboardOutlined />,
      labelKey: "needs.nav.dashboard",
      permission: "needs.dashboard",
      order: 120,
    },
    {
      key: "referrals",
      to: "/referrals",
      icon: <InboxOutlined />,
      labelKey: "needs.nav.inbox",
      permission: "referrals.handle",
      order: 130,
    },
    {
      key: "routing-rules",
      to: "/routing-rules",
      icon: <BranchesOutlined />,
      labelKey: "needs.nav.rules",
      permission: "routing.manage",
      order: 140,
    },
  ],
  messages: { "zh-CN": { ...needsZh }, en: { ...needsEn } },
};
