import { CheckSquareOutlined, HistoryOutlined, ScheduleOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { meetingRoutes, meetingStandaloneRoutes } from "./routes";
import meetingsZh from "./i18n/zh-CN.json";
import meetingsEn from "./i18n/en.json";

/** The console's meetings module: its pages, menu entries and translations (listed in app/modules.ts). */
export const meetingsModule: ConsoleModule = {
  name: "meetings",
  routes: [...meetingRoutes],
  standaloneRoutes: [...meetingStandaloneRoutes],
  menu: [
    {
      key: "meetings",
      to: "/meetings",
      icon: <ScheduleOutlined />,
      labelKey: "meetings.nav.meetings",
      permission: "meetings.read",
      order: 190,
    },
    {
      key: "action-items",
      to: "/action-items",
      icon: <CheckSquareOutlined />,
      labelKey: "meetings.nav.actionItems",
      permission: "action_items.handle",
      order: 200,
    },
    {
      key: "meetings-history",
      to: "/meetings/history",
      icon: <HistoryOutlined />,
      labelKey: "meetings.nav.history",
      permission: "meetings.read",
      order: 210,
    },
  ],
  messages: { "zh-CN": { ...meetingsZh }, en: { ...meetingsEn } },
};
