export { meetingRoutes, meetingStandaloneRoutes } from "./routes";
