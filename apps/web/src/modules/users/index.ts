export { usersModule } from "./module";
