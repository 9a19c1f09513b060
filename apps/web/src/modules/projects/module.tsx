import { AccountBookOutlined, BarChartOutlined, ContainerOutlined, ProjectOutlined, SolutionOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { projectRoutes, projectStandaloneRoutes } from "./routes";
import projectsZh from "./i18n/zh-CN.json";
import callsZh from "./calls/i18n/zh-CN.json";
import contractsZh from "./contracts/i18n/zh-CN.json";
import projectsEn from "./i18n/en.json";
import callsEn from "./calls/i18n/en.json";
import contractsEn from "./contracts/i18n/en.json";

/** The console's projects module: its pages, menu entries and translations (listed in app/modules.ts). */
export const projectsModule: ConsoleModule = {
  name: "projects",
  routes: [...projectRoutes],
  standaloneRoutes: [...projectStandaloneRoutes],
  menu: [
    { key: "calls", to: "/calls", icon: <ProjectOutlined />, labelKey: "projects.nav.calls", permission: "projects.read", order: 150 },
    {
      key: "applications",
      to: "/applications",
      icon: <SolutionOutlined />,
      labelKey: "projects.nav.applications",
      permission: "projects.read",
      order: 155,
    },
    {
      key: "contracts",
      to: "/contracts",
      icon: <ContainerOutlined />,
      labelKey: "projects.nav.contracts",
      permission: "projects.read",
      order: 160,
    },
    {
      key: "funding-ledger",
      to: "/funding-ledger",
      icon: <AccountBookOutlined />,
      labelKey: "projects.nav.ledger",
      permission: "projects.read",
      order: 170,
    },
    {
      key: "project-indicators",
      to: "/projects/indicators",
      icon: <BarChartOutlined />,
      labelKey: "projects.nav.indicators",
      permission: "projects.read",
      order: 180,
    },
  ],
  messages: { "zh-CN": { ...projectsZh, ...callsZh, ...contractsZh }, en: { ...projectsEn, ...callsEn, ...contractsEn } },
};
