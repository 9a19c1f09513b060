import { Flex, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { LocaleSwitch } from "./LocaleSwitch";

type PublicPageProps = { title: string; subtitle: string; children: ReactNode };

/** Frame of the public pages (no sign-in): one column on phones, title, language switch, sign-in link. */
export function PublicPage({ title, subtitle, children }: PublicPageProps) {
  const { t } = useTranslation();
  return (
    <main style={{ maxWidth: 880, margin: "0 auto", padding: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {title}
        </Typography.Title>
        <Space>
          <LocaleSwitch />
          <Link to="/login">{t("ui.public.login")}</Link>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>
      {children}
    </main>
  );
}
