export { homeModule } from "./module";
