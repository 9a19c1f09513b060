export { apiClientRoutes } from "./routes";
