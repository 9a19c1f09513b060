export { announcementsModule } from "./module";
