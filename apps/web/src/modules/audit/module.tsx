import { AuditOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { auditRoutes } from "./routes";
import auditZh from "./i18n/zh-CN.json";
import auditEn from "./i18n/en.json";

/** The console's audit module: its pages, menu entries and translations (listed in app/modules.ts). */
export const auditModule: ConsoleModule = {
  name: "audit",
  routes: [...auditRoutes],
  menu: [{ key: "audit", to: "/audit", icon: <AuditOutlined />, labelKey: "app.nav.audit", permission: "audit.read", order: 260 }],
  messages: { "zh-CN": { ...auditZh }, en: { ...auditEn } },
};
