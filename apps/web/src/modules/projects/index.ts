export { projectRoutes } from "./routes";
export { FundingCreditSection, PublicCreditSummary } from "./contracts/components/FundingCreditSection";
