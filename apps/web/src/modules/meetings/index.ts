export { meetingsModule } from "./module";
