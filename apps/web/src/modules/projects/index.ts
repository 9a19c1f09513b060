export { projectRoutes } from "./routes";
