import { alphas } from "./schema.js";

export function listAlphas(): string {
  return String(alphas);
}
