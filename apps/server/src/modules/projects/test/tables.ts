// For tests outside projects (the OCDS adapter's): the tables and the demo seed they check against.
export {
  applications,
  calls,
  fundingLedger,
  milestones,
  projectContracts,
  projectEvaluations,
  reviewScores,
  callCriteria,
} from "../schema.js";
export { seedProjects, finalScoreOf } from "../seed.js";
