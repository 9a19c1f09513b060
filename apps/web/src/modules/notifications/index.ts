export { NotificationBell } from "./components/NotificationBell";
export { notificationsModule } from "./module";
