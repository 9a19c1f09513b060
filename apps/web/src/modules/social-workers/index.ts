export { socialWorkersModule } from "./module";
