import { AuditOutlined, BankOutlined, BarChartOutlined, InboxOutlined, UnorderedListOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { adminTaskRoutes } from "./routes";
import adminTasksZh from "./i18n/zh-CN.json";
import adminTasksEn from "./i18n/en.json";

/** The console's de-administration module (社区减负): its pages, menu entries and translations (listed in app/modules.ts). */
export const adminTasksModule: ConsoleModule = {
  name: "admin-tasks",
  routes: [...adminTaskRoutes],
  menu: [
    {
      key: "community-queue",
      to: "/community-queue",
      icon: <InboxOutlined />,
      labelKey: "adminTasks.nav.queue",
      permission: "admin_tasks.queue",
      order: 211,
    },
    {
      key: "admin-tasks",
      to: "/admin-tasks",
      icon: <AuditOutlined />,
      labelKey: "adminTasks.nav.tasks",
      permission: "admin_tasks.read",
      order: 212,
    },
    {
      key: "admin-task-catalog",
      to: "/admin-task-catalog",
      icon: <UnorderedListOutlined />,
      labelKey: "adminTasks.nav.catalog",
      permission: "admin_tasks.read",
      order: 213,
    },
    {
      key: "workload",
      to: "/workload",
      icon: <BarChartOutlined />,
      labelKey: "adminTasks.nav.workload",
      permission: "workload.read",
      order: 214,
    },
    {
      key: "departments",
      to: "/departments",
      icon: <BankOutlined />,
      labelKey: "adminTasks.nav.departments",
      permission: "admin_tasks.catalog",
      order: 215,
    },
  ],
  messages: { "zh-CN": { ...adminTasksZh }, en: { ...adminTasksEn } },
};
