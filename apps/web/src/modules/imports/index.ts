export { importRoutes } from "./routes";
export { IMPORT_KINDS } from "./kinds";
export type { ImportKind } from "./kinds";
