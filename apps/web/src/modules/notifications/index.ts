export { NotificationBell } from "./components/NotificationBell";
export { notificationRoutes } from "./routes";
