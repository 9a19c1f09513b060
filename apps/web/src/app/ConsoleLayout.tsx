import {
  IdcardOutlined,
  AccountBookOutlined,
  ApiOutlined,
  BarChartOutlined,
  ContainerOutlined,
  ProjectOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BranchesOutlined,
  CheckSquareOutlined,
  HistoryOutlined,
  ScheduleOutlined,
  DashboardOutlined,
  FormOutlined,
  InboxOutlined,
  MessageOutlined,
  NotificationOutlined,
  CloudUploadOutlined,
  DownOutlined,
  EnvironmentOutlined,
  FileProtectOutlined,
  HomeOutlined,
  HeartOutlined,
  ShopOutlined,
  LogoutOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from "@ant-design/icons";
import type { Me, Permission } from "@sanshe/contracts";
import { App, Button, Dropdown, Flex, Layout, Menu, Spin, Typography } from "antd";
import type { MenuProps } from "antd";
import type { ReactNode } from "react";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { LocaleSwitch } from "../ui/LocaleSwitch";
import { useLogout, useMe, useRoleLabel } from "../modules/auth";
import { NotificationBell } from "../modules/notifications";

type NavItem = { key: string; to: string; icon: ReactNode; labelKey: string; permission?: Permission };

/** The console's sections; each appears only for users holding its permission. */
const NAV_ITEMS: readonly NavItem[] = [
  { key: "home", to: "/", icon: <HomeOutlined />, labelKey: "app.nav.home" },
  { key: "announcements", to: "/announcements", icon: <NotificationOutlined />, labelKey: "announcements.nav" },
  { key: "areas", to: "/areas", icon: <ApartmentOutlined />, labelKey: "app.nav.areas", permission: "areas.read" },
  { key: "socialOrgs", to: "/social-orgs", icon: <HeartOutlined />, labelKey: "app.nav.socialOrgs", permission: "social_orgs.read" },
  { key: "communities", to: "/communities", icon: <ShopOutlined />, labelKey: "app.nav.communities", permission: "communities.read" },
  {
    key: "social-workers",
    to: "/social-workers",
    icon: <SolutionOutlined />,
    labelKey: "socialWorkers.nav",
    permission: "social_workers.read",
  },
  { key: "residents", to: "/residents", icon: <UserOutlined />, labelKey: "app.nav.residents", permission: "residents.read" },
  { key: "cases", to: "/cases", icon: <FileProtectOutlined />, labelKey: "app.nav.cases", permission: "cases.read" },
  { key: "report", to: "/report", icon: <FormOutlined />, labelKey: "needs.nav.report", permission: "needs.report" },
  { key: "my-record", to: "/my-record", icon: <IdcardOutlined />, labelKey: "residents.nav.myRecord", permission: "needs.report" },
  { key: "needs", to: "/needs", icon: <MessageOutlined />, labelKey: "needs.nav.list", permission: "needs.read" },
  {
    key: "needs-dashboard",
    to: "/needs/dashboard",
    icon: <DashboardOutlined />,
    labelKey: "needs.nav.dashboard",
    permission: "needs.dashboard",
  },
  { key: "referrals", to: "/referrals", icon: <InboxOutlined />, labelKey: "needs.nav.inbox", permission: "referrals.handle" },
  { key: "routing-rules", to: "/routing-rules", icon: <BranchesOutlined />, labelKey: "needs.nav.rules", permission: "routing.manage" },
  { key: "calls", to: "/calls", icon: <ProjectOutlined />, labelKey: "projects.nav.calls", permission: "projects.read" },
  { key: "contracts", to: "/contracts", icon: <ContainerOutlined />, labelKey: "projects.nav.contracts", permission: "projects.read" },
  {
    key: "funding-ledger",
    to: "/funding-ledger",
    icon: <AccountBookOutlined />,
    labelKey: "projects.nav.ledger",
    permission: "projects.read",
  },
  {
    key: "project-indicators",
    to: "/projects/indicators",
    icon: <BarChartOutlined />,
    labelKey: "projects.nav.indicators",
    permission: "projects.read",
  },
  { key: "meetings", to: "/meetings", icon: <ScheduleOutlined />, labelKey: "meetings.nav.meetings", permission: "meetings.read" },
  {
    key: "action-items",
    to: "/action-items",
    icon: <CheckSquareOutlined />,
    labelKey: "meetings.nav.actionItems",
    permission: "action_items.handle",
  },
  {
    key: "meetings-history",
    to: "/meetings/history",
    icon: <HistoryOutlined />,
    labelKey: "meetings.nav.history",
    permission: "meetings.read",
  },
  { key: "services", to: "/services", icon: <ShopOutlined />, labelKey: "services.nav", permission: "services.write" },
  { key: "users", to: "/users", icon: <TeamOutlined />, labelKey: "app.nav.users", permission: "users.admin" },
  { key: "api-clients", to: "/api-clients", icon: <ApiOutlined />, labelKey: "apiClients.nav", permission: "api_clients.manage" },
  { key: "imports", to: "/imports", icon: <CloudUploadOutlined />, labelKey: "app.nav.imports", permission: "imports.run" },
  { key: "audit", to: "/audit", icon: <AuditOutlined />, labelKey: "app.nav.audit", permission: "audit.read" },
];

function selectedKey(pathname: string): string {
  const exact = NAV_ITEMS.find((item) => item.to !== "/" && item.to === pathname);
  if (exact) {
    return exact.key;
  }
  const segment = pathname.split("/")[1] ?? "";
  return NAV_ITEMS.find((item) => item.to === `/${segment}`)?.key ?? (segment === "" ? "home" : "");
}

/** "南阳新村街道 · 民政官员"; with several memberships, a dropdown lists them all. */
function Jurisdiction({ me }: { me: Me }) {
  const roleLabel = useRoleLabel();
  const { t } = useTranslation();
  const [first] = me.memberships;
  if (!first) {
    return <Typography.Text type="secondary">{t("app.header.noMembership")}</Typography.Text>;
  }
  const describe = (membership: Me["memberships"][number]) =>
    `${membership.area_name} · ${roleLabel(membership.role)}${membership.organization_name ? ` · ${membership.organization_name}` : ""}`;
  if (me.memberships.length === 1) {
    return (
      <Typography.Text data-testid="header-jurisdiction">
        <EnvironmentOutlined aria-hidden /> {describe(first)}
      </Typography.Text>
    );
  }
  const items: MenuProps["items"] = me.memberships.map((membership) => ({
    key: membership.id,
    label: describe(membership),
  }));
  return (
    <Dropdown menu={{ items, selectable: false }} trigger={["click"]}>
      <Button type="text" data-testid="header-jurisdiction" aria-label={t("app.header.memberships", { count: me.memberships.length })}>
        <EnvironmentOutlined aria-hidden /> {describe(first)}
        <Typography.Text type="secondary">{t("app.header.more", { count: me.memberships.length - 1 })}</Typography.Text>
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}

/** Console frame: side menu by permission, header with who and where the user is, language and sign-out. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const logout = useLogout();
  const [isCollapsed, setIsCollapsed] = useState(false);

  if (!me) {
    return null;
  }

  const menuItems: MenuProps["items"] = NAV_ITEMS.filter(
    (item) => item.permission === undefined || me.permissions.includes(item.permission),
  ).map((item) => ({ key: item.key, icon: item.icon, label: <Link to={item.to}>{t(item.labelKey)}</Link> }));

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <a className="sanshe-skip-link" href="#main-content">
        {t("app.skipToContent")}
      </a>
      <Layout.Sider
        className="sanshe-sider"
        theme="light"
        breakpoint="lg"
        collapsible
        collapsed={isCollapsed}
        onCollapse={setIsCollapsed}
        style={{ borderInlineEnd: "1px solid #f0f0f0" }}
      >
        <Flex align="center" justify="center" style={{ height: 64, paddingInline: 12 }}>
          <Link to="/" aria-label={t("app.productName")} style={{ color: "inherit" }}>
            <Typography.Text strong style={{ fontSize: isCollapsed ? 16 : 18, whiteSpace: "nowrap" }}>
              {isCollapsed ? t("app.productShort") : t("app.productName")}
            </Typography.Text>
          </Link>
        </Flex>
        <nav aria-label={t("app.nav.label")}>
          <Menu mode="inline" selectedKeys={[selectedKey(location.pathname)]} items={menuItems} style={{ borderInlineEnd: 0 }} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className="sanshe-header"
          style={{ background: "#fff", paddingInline: 24, borderBottom: "1px solid #f0f0f0", lineHeight: "normal" }}
        >
          <Flex align="center" justify="flex-end" gap={16} style={{ height: "100%" }} wrap={false}>
            <NotificationBell />
            <Jurisdiction me={me} />
            <Typography.Text strong data-testid="header-user">
              <UserOutlined aria-hidden /> {me.user.display_name}
            </Typography.Text>
            <LocaleSwitch />
            <Button
              icon={<LogoutOutlined />}
              loading={logout.isPending}
              data-testid="logout"
              onClick={() =>
                logout.mutate(undefined, {
                  onSuccess: () => {
                    void navigate("/login", { replace: true });
                  },
                  onError: () => {
                    void message.error(t("auth.logout.failed"));
                  },
                })
              }
            >
              {t("auth.logout.button")}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content id="main-content" tabIndex={-1} style={{ padding: 24, outline: "none" }}>
          <main>
            <Suspense
              fallback={
                <Flex justify="center" style={{ padding: 48 }}>
                  <Spin size="large" description={t("ui.common.loading")} />
                </Flex>
              }
            >
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
