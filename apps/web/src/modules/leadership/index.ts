export { leadershipModule } from "./module";
