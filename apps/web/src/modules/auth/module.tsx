import type { ConsoleModule } from "../../ui/module";
import { authRoutes } from "./routes";
import authZh from "./i18n/zh-CN.json";
import authEn from "./i18n/en.json";

/** The console's auth module: its pages, menu entries and translations (listed in app/modules.ts). */
export const authModule: ConsoleModule = {
  name: "auth",
  publicRoutes: [...authRoutes],
  messages: { "zh-CN": { ...authZh }, en: { ...authEn } },
};
