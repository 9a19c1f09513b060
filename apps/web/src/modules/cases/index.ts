export { caseRoutes } from "./routes";
