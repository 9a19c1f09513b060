export { FundingCreditSection, PublicCreditSummary } from "./creditSections";
export { projectsModule } from "./module";
