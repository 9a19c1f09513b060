import { ApartmentOutlined, AuditOutlined, TeamOutlined } from "@ant-design/icons";
import type { Permission } from "@sanshe/contracts";
import { Card, Col, List, Row, Skeleton, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useHomeTodos } from "../api";
import { FigureCards } from "../components/FigureCards";
import { TodoCards } from "../components/TodoCards";
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

/**
 * 首页: greeting, what waits for the user (to-do cards with counts, overdue ones and the list to act in;
 * an empty state otherwise), an official's key figures with their trend, then the user's roles and shortcuts.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const todos = useHomeTodos();
  const roleLabel = useRoleLabel();
  if (!me) {
    return null;
  }
  const shortcuts = SHORTCUTS.filter((shortcut) => me.permissions.includes(shortcut.permission));

  return (
    <>
      <PageHeader title={t(greetingKey(shanghaiHour()), { name: me.user.display_name })} subtitle={t("home.welcome")} />
      <Space direction="vertical" size={16} style={{ width: "100%", marginBottom: 16 }}>
        <section aria-labelledby="home-todos-title">
          <Typography.Title id="home-todos-title" level={2} style={{ fontSize: 18, marginTop: 0 }}>
            {t("home.todos.title")}
          </Typography.Title>
          <ProblemAlert error={todos.error} title={t("home.todos.error")} />
          {todos.isPending ? <Skeleton active /> : todos.data ? <TodoCards items={todos.data.items} /> : null}
        </section>
        {todos.data?.figures ? <FigureCards figures={todos.data.figures} /> : null}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={
              <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
                {t("home.memberships.title")}
              </Typography.Title>
            }
          >
            <List
              size="small"
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
            size="small"
            title={
              <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
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
