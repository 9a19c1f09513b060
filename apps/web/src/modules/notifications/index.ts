export { NotificationBell } from "./components/NotificationBell";
export { notificationsModule } from "./module";
export { useUnreadCount } from "./api";
