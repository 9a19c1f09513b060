/**
 * The demo world's accounts (`sanshe seed`, `npm start`): one per role, in real Zhengzhou areas. The
 * login page lists them, the server seeds them, and the tests walk them; this list is the one source.
 */
export const DEMO_LOGINS = [
  "demo-city",
  "demo-district",
  "demo-district-erqi",
  "demo-street",
  "demo-community",
  "demo-org",
  "demo-worker",
  "demo-evaluator",
  "demo-resident",
  "demo-auditor",
  "demo-department",
] as const;
export type DemoLogin = (typeof DEMO_LOGINS)[number];

/** The demo accounts' password unless SANSHE_DEMO_PASSWORD sets another. */
export const DEFAULT_DEMO_PASSWORD = "Sanshe-demo-2026";
