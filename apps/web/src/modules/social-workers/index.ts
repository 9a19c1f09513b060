export { socialWorkerRoutes } from "./routes";
