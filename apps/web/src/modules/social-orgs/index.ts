export { socialOrgsModule } from "./module";
