import { DownOutlined, EnvironmentOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import type { Me } from "@sanshe/contracts";
import { App, Button, Dropdown, Flex, Layout, Menu, Spin, Typography } from "antd";
import type { MenuProps } from "antd";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { LocaleSwitch } from "../ui/LocaleSwitch";
import { useLogout, useMe, useRoleLabel } from "../modules/auth";
import { NotificationBell } from "../modules/notifications";
import { menuEntries } from "./modules";

/** The console's sections (from the modules' manifests); each appears only for users holding its permission. */
const NAV_ITEMS = menuEntries;

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
      <Button type="text" data-testid="header-jurisdiction">
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
        {/* AntD's Content is the page's one <main> landmark. */}
        <Layout.Content id="main-content" tabIndex={-1} style={{ padding: 24, outline: "none" }}>
          <div>
            <Suspense
              fallback={
                <Flex justify="center" style={{ padding: 48 }}>
                  <Spin size="large" description={t("ui.common.loading")} />
                </Flex>
              }
            >
              <Outlet />
            </Suspense>
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
