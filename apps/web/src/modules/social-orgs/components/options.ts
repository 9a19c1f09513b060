import {
  FundingSourceSchema,
  SocialOrgCategorySchema,
  SocialOrgGradeSchema,
  SocialOrgLegalFormSchema,
  SocialOrgRegistrationSchema,
  SocialOrgSortSchema,
  SocialOrgStatusSchema,
} from "@sanshe/contracts";

export const CATEGORIES = SocialOrgCategorySchema.options;
export const GRADES = SocialOrgGradeSchema.options;
export const STATUSES = SocialOrgStatusSchema.options;
export const REGISTRATIONS = SocialOrgRegistrationSchema.options;
export const LEGAL_FORMS = SocialOrgLegalFormSchema.options;
export const FUNDING_SOURCES = FundingSourceSchema.options;
export const SORTS = SocialOrgSortSchema.unwrap().options;
