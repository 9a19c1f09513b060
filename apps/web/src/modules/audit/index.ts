export { auditModule } from "./module";
