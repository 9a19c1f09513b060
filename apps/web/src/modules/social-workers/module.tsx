import { SolutionOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../../ui/module";
import { socialWorkerRoutes } from "./routes";
import socialWorkersZh from "./i18n/zh-CN.json";
import socialWorkersEn from "./i18n/en.json";

/** The console's social-workers module: its pages, menu entries and translations (listed in app/modules.ts). */
export const socialWorkersModule: ConsoleModule = {
  name: "social-workers",
  routes: [...socialWorkerRoutes],
  menu: [
    {
      key: "social-workers",
      to: "/social-workers",
      icon: <SolutionOutlined />,
      labelKey: "socialWorkers.nav",
      permission: "social_workers.read",
      order: 60,
    },
  ],
  messages: { "zh-CN": { ...socialWorkersZh }, en: { ...socialWorkersEn } },
};
