export { FundingCreditSection, PublicCreditSummary } from "./contracts/components/FundingCreditSection";
export { projectsModule } from "./module";
