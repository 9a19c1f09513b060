import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntdApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { queryClient } from "./queryClient";

/** Server state (TanStack Query), Ant Design in the chosen language, and AntD's message/modal context. */
export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const isEnglish = i18n.language === "en";
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={isEnglish ? enUS : zhCN} theme={{ token: { colorPrimary: "#1677ff" } }}>
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
