export { publicServiceRoutes, serviceRoutes } from "./routes";
