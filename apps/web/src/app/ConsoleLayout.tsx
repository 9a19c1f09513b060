import { DownOutlined, EnvironmentOutlined, LogoutOutlined, MenuOutlined, TranslationOutlined, UserOutlined } from "@ant-design/icons";
import type { Me } from "@sanshe/contracts";
import { Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, Spin, Typography } from "antd";
import type { MenuProps } from "antd";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router-dom";
import { LocaleSwitch } from "../ui/LocaleSwitch";
import { useMe, useRoleLabel } from "../modules/auth";
import { NotificationBell } from "../modules/notifications";
import { menuEntries } from "./modules";
import { useSignOut } from "./useSignOut";

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

/**
 * Phone header (< lg): the user button's dropdown holds who and where they are (every membership),
 * the language and sign-out, so the header keeps to the menu button, the bell and this button.
 */
function CompactAccountMenu({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const roleLabel = useRoleLabel();
  const signOut = useSignOut();
  const isEnglish = i18n.language === "en";
  const items: MenuProps["items"] = [
    {
      type: "group",
      label: me.user.display_name,
      children:
        me.memberships.length === 0
          ? [{ key: "none", disabled: true, label: t("app.header.noMembership") }]
          : me.memberships.map((membership) => ({
              key: `m-${membership.id}`,
              disabled: true,
              icon: <EnvironmentOutlined aria-hidden />,
              label: `${membership.area_name} · ${roleLabel(membership.role)}${membership.organization_name ? ` · ${membership.organization_name}` : ""}`,
            })),
    },
    { type: "divider" },
    {
      key: "locale",
      icon: <TranslationOutlined />,
      label: <span lang={isEnglish ? "zh-CN" : "en"}>{isEnglish ? "中文" : "English"}</span>,
    },
    { key: "logout", icon: <LogoutOutlined />, danger: true, label: t("auth.logout.button") },
  ];
  return (
    <Dropdown
      trigger={["click"]}
      placement="bottomRight"
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === "locale") {
            void i18n.changeLanguage(isEnglish ? "zh-CN" : "en");
          } else if (key === "logout") {
            signOut.signOut();
          }
        },
      }}
    >
      <Button
        type="text"
        icon={<UserOutlined />}
        loading={signOut.isPending}
        data-testid="header-user"
        aria-label={t("app.header.account", { name: me.user.display_name })}
        style={{ maxWidth: 160 }}
      >
        <span style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>{me.user.display_name}</span>
      </Button>
    </Dropdown>
  );
}

/**
 * Console frame: side menu by permission, header with who and where the user is, language and
 * sign-out. Below lg (phones, small tablets) the menu is a drawer opened by a labelled button and
 * closed by choosing an entry, and the header keeps only the bell and a user button (issue 17).
 */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me } = useMe();
  const signOut = useSignOut();
  const [isCollapsed, setIsCollapsed] = useState(false);
  const [isDrawerOpen, setIsDrawerOpen] = useState(false);
  const screens = Grid.useBreakpoint();
  // Until the breakpoints are measured (first render), assume a wide screen like the server would.
  const isNarrow = screens.lg === false;

  if (!me) {
    return null;
  }

  const menuItems: MenuProps["items"] = NAV_ITEMS.filter(
    (item) => item.permission === undefined || me.permissions.includes(item.permission),
  ).map((item) => ({ key: item.key, icon: item.icon, label: <Link to={item.to}>{t(item.labelKey)}</Link> }));

  const productLink = (short: boolean) => (
    <Link to="/" aria-label={t("app.productName")} style={{ color: "inherit" }}>
      <Typography.Text strong style={{ fontSize: short ? 16 : 18, whiteSpace: "nowrap" }}>
        {short ? t("app.productShort") : t("app.productName")}
      </Typography.Text>
    </Link>
  );

  const navigation = (
    <nav aria-label={t("app.nav.label")}>
      <Menu
        mode="inline"
        selectedKeys={[selectedKey(location.pathname)]}
        items={menuItems}
        style={{ borderInlineEnd: 0 }}
        onClick={() => setIsDrawerOpen(false)}
      />
    </nav>
  );

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <a className="sanshe-skip-link" href="#main-content">
        {t("app.skipToContent")}
      </a>
      {isNarrow ? (
        <Drawer
          placement="left"
          open={isDrawerOpen}
          onClose={() => setIsDrawerOpen(false)}
          width={280}
          title={t("app.productName")}
          styles={{ body: { padding: 0 } }}
          rootClassName="sanshe-nav-drawer"
        >
          {navigation}
        </Drawer>
      ) : (
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
            {productLink(isCollapsed)}
          </Flex>
          {navigation}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          className="sanshe-header"
          style={{ background: "#fff", paddingInline: isNarrow ? 8 : 24, borderBottom: "1px solid #f0f0f0", lineHeight: "normal" }}
        >
          {isNarrow ? (
            <Flex align="center" gap={8} style={{ height: "100%" }} wrap={false}>
              <Button
                type="text"
                icon={<MenuOutlined />}
                onClick={() => setIsDrawerOpen(true)}
                aria-expanded={isDrawerOpen}
                data-testid="nav-menu-button"
                style={{ minHeight: 44 }}
              >
                {t("app.nav.menu")}
              </Button>
              <div style={{ flex: 1, minWidth: 0 }}>{productLink(true)}</div>
              <NotificationBell />
              <CompactAccountMenu me={me} />
            </Flex>
          ) : (
            <Flex align="center" justify="flex-end" gap={16} style={{ height: "100%" }} wrap={false}>
              <NotificationBell />
              <Jurisdiction me={me} />
              <Typography.Text strong data-testid="header-user">
                <UserOutlined aria-hidden /> {me.user.display_name}
              </Typography.Text>
              <LocaleSwitch />
              <Button icon={<LogoutOutlined />} loading={signOut.isPending} data-testid="logout" onClick={signOut.signOut}>
                {t("auth.logout.button")}
              </Button>
            </Flex>
          )}
        </Layout.Header>
        {/* AntD's Content is the page's one <main> landmark. */}
        <Layout.Content id="main-content" tabIndex={-1} style={{ padding: isNarrow ? 12 : 24, outline: "none", minWidth: 0 }}>
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
