export { announcementRoutes } from "./routes";
