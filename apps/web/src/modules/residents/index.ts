export { residentRoutes } from "./routes";
