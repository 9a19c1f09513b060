export { servicesDirectoryModule } from "./module";
