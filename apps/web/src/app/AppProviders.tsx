import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntdApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { queryClient } from "./queryClient";

/**
 * Ant Design's default blue and grey texts fall short of WCAG 2.1 AA contrast (4.5:1) on white; these
 * tokens keep the look and pass it (GB/T 37668 follows WCAG 2.0 AA).
 */
const theme = {
  token: {
    colorPrimary: "#0958d9",
    colorError: "#cf1322",
    // AntD's success green (#52c41a) is 2.2:1 on white; #237804 is 6.4:1.
    colorSuccess: "#237804",
    colorLink: "#0958d9",
    colorTextSecondary: "rgba(0, 0, 0, 0.65)",
    colorTextTertiary: "rgba(0, 0, 0, 0.6)",
    colorTextDescription: "rgba(0, 0, 0, 0.65)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.55)",
  },
};

/** Server state (TanStack Query), Ant Design in the chosen language, and AntD's message/modal context. */
export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const isEnglish = i18n.language === "en";
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={isEnglish ? enUS : zhCN} theme={theme}>
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
