export { communitiesModule } from "./module";
