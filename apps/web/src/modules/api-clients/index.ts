export { apiClientsModule } from "./module";
