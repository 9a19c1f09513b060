export { needsModule } from "./module";
