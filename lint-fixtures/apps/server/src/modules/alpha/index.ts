export { listAlphas } from "./service.js";
