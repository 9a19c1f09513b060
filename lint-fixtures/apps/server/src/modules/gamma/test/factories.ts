export function buildGamma(): string {
  return "gamma";
}
