export { IMPORT_KINDS } from "./kinds";
export type { ImportKind } from "./kinds";
export { importsModule } from "./module";
