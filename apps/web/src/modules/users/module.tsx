import { TeamOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { userRoutes } from "./routes";
import usersZh from "./i18n/zh-CN.json";
import usersEn from "./i18n/en.json";

/** The console's users module: its pages, menu entries and translations (listed in app/modules.ts). */
export const usersModule: ConsoleModule = {
  name: "users",
  routes: [...userRoutes],
  menu: [{ key: "users", to: "/users", icon: <TeamOutlined />, labelKey: "app.nav.users", permission: "users.admin", order: 230 }],
  messages: { "zh-CN": { ...usersZh }, en: { ...usersEn } },
};
