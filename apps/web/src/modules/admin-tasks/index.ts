export { adminTasksModule } from "./module";
