export * from "./common.js";
export * from "./health.js";
export * from "./areas.js";
export * from "./auth.js";
export * from "./users.js";
export * from "./audit.js";
export * from "./identifiers.js";
export * from "./residents.js";
