import {
  BellOutlined,
  FileTextOutlined,
  FormOutlined,
  HomeOutlined,
  LogoutOutlined,
  MenuOutlined,
  NotificationOutlined,
  ProfileOutlined,
  SettingOutlined,
  ShopOutlined,
  TranslationOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Badge, Button, Dropdown, Flex, Spin, Typography } from "antd";
import type { MenuProps } from "antd";
import { Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router-dom";
import { useMe } from "../../modules/auth";
import { useUnreadCount } from "../../modules/notifications";
import { NotFoundPage } from "../NotFoundPage";
import { useSignOut } from "../useSignOut";
import { ResidentHomePage } from "./ResidentHomePage";
import { isResidentPath } from "./residentPortal";

type Tab = { to: string; icon: ReactNode; labelKey: string; end?: boolean; external?: boolean };

/** The bottom tabs: 首页 / 我要反映 / 我的需求 / 服务 / 通知. */
const TABS: Tab[] = [
  { to: "/", icon: <HomeOutlined />, labelKey: "app.resident.tabs.home", end: true },
  { to: "/report", icon: <FormOutlined />, labelKey: "app.resident.tabs.report" },
  { to: "/my-needs", icon: <ProfileOutlined />, labelKey: "app.resident.tabs.mine" },
  // The public services directory (residents browse it like anyone; it has its own page frame).
  { to: "/directory", icon: <ShopOutlined />, labelKey: "app.resident.tabs.services", external: true },
  { to: "/notifications", icon: <BellOutlined />, labelKey: "app.resident.tabs.notifications" },
];

function TabBar() {
  const { t } = useTranslation();
  const { data: unread = 0 } = useUnreadCount();
  return (
    <nav aria-label={t("app.resident.tabs.label")} className="sanshe-tabbar">
      {TABS.map((tab) => {
        const label = t(tab.labelKey);
        const hasUnread = tab.to === "/notifications" && unread > 0;
        // The count is said once, in words after the label; the badge is for the eye.
        const icon = (
          <span aria-hidden className="sanshe-tabbar-icon">
            {tab.to === "/notifications" ? (
              <Badge count={unread} size="small" overflowCount={99} data-testid="tab-unread">
                <span className="sanshe-tabbar-icon">{tab.icon}</span>
              </Badge>
            ) : (
              tab.icon
            )}
          </span>
        );
        return (
          <NavLink
            key={tab.to}
            to={tab.to}
            end={tab.end}
            className={({ isActive }) => `sanshe-tabbar-item${isActive && !tab.external ? " is-active" : ""}`}
            data-testid={`tab-${tab.to === "/" ? "home" : tab.to.slice(1)}`}
          >
            {icon}
            <span className="sanshe-tabbar-label">
              {label}
              {hasUnread && <span className="sanshe-visually-hidden">{t("app.resident.tabs.unread", { count: unread })}</span>}
            </span>
          </NavLink>
        );
      })}
    </nav>
  );
}

function AccountMenu() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const signOut = useSignOut();
  const isEnglish = i18n.language === "en";
  const items: MenuProps["items"] = [
    { key: "who", disabled: true, icon: <UserOutlined />, label: me?.user.display_name ?? "" },
    { type: "divider" },
    { key: "my-record", icon: <FileTextOutlined />, label: t("app.resident.menu.myRecord") },
    { key: "announcements", icon: <NotificationOutlined />, label: t("app.resident.menu.announcements") },
    { key: "preferences", icon: <SettingOutlined />, label: t("app.resident.menu.preferences") },
    {
      key: "locale",
      icon: <TranslationOutlined />,
      label: <span lang={isEnglish ? "zh-CN" : "en"}>{isEnglish ? "中文" : "English"}</span>,
    },
    { type: "divider" },
    { key: "logout", icon: <LogoutOutlined />, danger: true, label: t("auth.logout.button") },
  ];
  const onClick: MenuProps["onClick"] = ({ key }) => {
    if (key === "locale") {
      void i18n.changeLanguage(isEnglish ? "zh-CN" : "en");
    } else if (key === "logout") {
      signOut.signOut();
    } else if (key === "my-record") {
      void navigate("/my-record");
    } else if (key === "announcements") {
      void navigate("/announcements");
    } else if (key === "preferences") {
      void navigate("/notifications/preferences");
    }
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={["click"]} placement="bottomRight">
      <Button
        type="text"
        size="large"
        icon={<MenuOutlined />}
        data-testid="resident-account"
        aria-label={t("app.resident.menu.label")}
        loading={signOut.isPending}
      />
    </Dropdown>
  );
}

/** The page for the current address: the resident home at /, a portal page, or not found for staff pages. */
function ResidentOutlet() {
  const { pathname } = useLocation();
  if (pathname === "/") {
    return <ResidentHomePage />;
  }
  return isResidentPath(pathname) ? <Outlet /> : <NotFoundPage />;
}

/**
 * The resident portal's frame (issue 17): a compact top bar (product name; account menu with
 * language and sign-out), the page in a centered column, and a bottom tab bar with labels. No side
 * menu and no staff pages. Readable from 320 px, a centered column on desktop.
 */
export function ResidentLayout() {
  const { t } = useTranslation();
  return (
    <div className="sanshe-resident">
      <a className="sanshe-skip-link" href="#main-content">
        {t("app.skipToContent")}
      </a>
      <header className="sanshe-resident-bar">
        <Link to="/" style={{ color: "inherit" }}>
          <Typography.Text strong style={{ fontSize: 17, whiteSpace: "nowrap" }}>
            {t("app.productName")}
          </Typography.Text>
        </Link>
        <AccountMenu />
      </header>
      <main id="main-content" tabIndex={-1} className="sanshe-resident-main">
        <Suspense
          fallback={
            <Flex justify="center" style={{ padding: 48 }}>
              <Spin size="large" description={t("ui.common.loading")} />
            </Flex>
          }
        >
          <ResidentOutlet />
        </Suspense>
      </main>
      <TabBar />
    </div>
  );
}
