export { needRoutes } from "./routes";
