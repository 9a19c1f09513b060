export { casesModule } from "./module";
