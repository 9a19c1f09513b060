export { residentsModule } from "./module";
