export { communityRoutes } from "./routes";
