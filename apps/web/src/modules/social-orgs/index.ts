export { publicSocialOrgRoutes, socialOrgRoutes } from "./routes";
