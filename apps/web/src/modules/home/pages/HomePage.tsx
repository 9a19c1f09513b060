import { ApartmentOutlined, AuditOutlined, TeamOutlined } from "@ant-design/icons";
import type { Permission } from "@sanshe/contracts";
import { Card, Col, List, Row, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { PageHeader } from "../../../ui/PageHeader";
import { useMe, useRoleLabel } from "../../auth";

type Shortcut = { key: string; to: string; permission: Permission; icon: ReactNode };

const SHORTCUTS: readonly Shortcut[] = [
  { key: "areas", to: "/areas", permission: "areas.read", icon: <ApartmentOutlined /> },
  { key: "users", to: "/users", permission: "users.admin", icon: <TeamOutlined /> },
  { key: "audit", to: "/audit", permission: "audit.read", icon: <AuditOutlined /> },
];

function greetingKey(hour: number): string {
  if (hour < 11) {
    return "home.greeting.morning";
  }
  if (hour < 18) {
    return "home.greeting.afternoon";
  }
  return "home.greeting.evening";
}

function shanghaiHour(): number {
  const hour = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", hour: "2-digit", hourCycle: "h23" }).format(new Date());
  return Number(hour);
}

/** 首页: greeting, the user's roles and scopes, and shortcuts to the pages they may use. */
export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const roleLabel = useRoleLabel();
  if (!me) {
    return null;
  }
  const shortcuts = SHORTCUTS.filter((shortcut) => me.permissions.includes(shortcut.permission));

  return (
    <>
      <PageHeader title={t(greetingKey(shanghaiHour()), { name: me.user.display_name })} subtitle={t("home.welcome")} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            title={
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t("home.memberships.title")}
              </Typography.Title>
            }
          >
            <List
              dataSource={me.memberships}
              locale={{ emptyText: t("home.memberships.none") }}
              renderItem={(membership) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <>
                        {membership.area_name} <Tag color="blue">{roleLabel(membership.role, membership.area_code)}</Tag>
                      </>
                    }
                    description={
                      <>
                        <span data-allow-code>{t("home.memberships.code", { code: membership.area_code })}</span>
                        {membership.organization_name ? ` · ${membership.organization_name}` : ""}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t("home.shortcuts.title")}
              </Typography.Title>
            }
          >
            {shortcuts.length === 0 ? (
              <Typography.Paragraph type="secondary">{t("home.shortcuts.none")}</Typography.Paragraph>
            ) : (
              <List
                dataSource={shortcuts}
                renderItem={(shortcut) => (
                  <List.Item>
                    <List.Item.Meta
                      avatar={<span style={{ fontSize: 22, color: "#1677ff" }}>{shortcut.icon}</span>}
                      title={<Link to={shortcut.to}>{t(`home.shortcuts.${shortcut.key}.title`)}</Link>}
                      description={t(`home.shortcuts.${shortcut.key}.description`)}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
