CREATE TABLE "application_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"application_id" uuid NOT NULL,
	"doc_type" text NOT NULL,
	"original_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"call_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"objectives" text NOT NULL,
	"activities" text NOT NULL,
	"beneficiaries" text NOT NULL,
	"beneficiary_count" integer NOT NULL,
	"kpis" jsonb NOT NULL,
	"budget_lines" jsonb NOT NULL,
	"requested_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"final_score" numeric(5, 2),
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"call_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"weight" smallint NOT NULL,
	CONSTRAINT "call_criteria_weight_range" CHECK ("call_criteria"."weight" BETWEEN 1 AND 100)
);
--> statement-breakpoint
CREATE TABLE "call_reviewers" (
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"call_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_reviewers_call_id_user_id_pk" PRIMARY KEY("call_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"ocid" text NOT NULL,
	"purchaser_name" text NOT NULL,
	"mode" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"need_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_area_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"total_budget_fen" bigint NOT NULL,
	"project_cap_fen" bigint NOT NULL,
	"min_org_grade" text,
	"eligible_org_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"require_local_presence" boolean DEFAULT true NOT NULL,
	"required_documents" text[] DEFAULT '{}'::text[] NOT NULL,
	"submission_deadline" timestamp with time zone NOT NULL,
	"evaluation_weights" jsonb DEFAULT '{"purchaser":40,"beneficiaries":30,"third_party":30}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"published_at" timestamp with time zone,
	"awarded_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_cap_within_budget" CHECK ("calls"."project_cap_fen" > 0 AND "calls"."project_cap_fen" <= "calls"."total_budget_fen")
);
--> statement-breakpoint
CREATE TABLE "contract_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"contract_id" uuid NOT NULL,
	"original_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"org_id" uuid NOT NULL,
	"source" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"contract_id" uuid,
	"milestone_id" uuid,
	"description" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_ledger_positive" CHECK ("funding_ledger"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "milestone_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"milestone_id" uuid NOT NULL,
	"summary" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"contract_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"deliverables" text NOT NULL,
	"due_on" date NOT NULL,
	"share_bp" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"reported_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"call_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"kpis" jsonb NOT NULL,
	"status" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_contracts_paid_within_amount" CHECK ("project_contracts"."paid_fen" >= 0 AND "project_contracts"."paid_fen" <= "project_contracts"."amount_fen"),
	CONSTRAINT "project_contracts_period" CHECK ("project_contracts"."period_start" <= "project_contracts"."period_end")
);
--> statement-breakpoint
CREATE TABLE "project_evaluations" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"evaluator_id" uuid NOT NULL,
	"purchaser_score" numeric(5, 2),
	"purchaser_comment" text,
	"beneficiary_score" numeric(5, 2),
	"beneficiary_ratings" integer DEFAULT 0 NOT NULL,
	"third_party_score" numeric(5, 2),
	"kpi_results" jsonb,
	"third_party_comment" text,
	"weights" jsonb NOT NULL,
	"total_score" numeric(5, 2),
	"grade" text,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_declarations" (
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"conflicted" boolean NOT NULL,
	"reason" text,
	"declared_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_declarations_application_id_reviewer_id_pk" PRIMARY KEY("application_id","reviewer_id")
);
--> statement-breakpoint
CREATE TABLE "review_scores" (
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"comment" text,
	"scored_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_scores_application_id_reviewer_id_criterion_id_pk" PRIMARY KEY("application_id","reviewer_id","criterion_id"),
	CONSTRAINT "review_scores_range" CHECK ("review_scores"."score" BETWEEN 0 AND 100)
);
--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_criteria" ADD CONSTRAINT "call_criteria_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_reviewers" ADD CONSTRAINT "call_reviewers_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_attachments" ADD CONSTRAINT "contract_attachments_contract_id_project_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."project_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_ledger" ADD CONSTRAINT "funding_ledger_contract_id_project_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."project_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_ledger" ADD CONSTRAINT "funding_ledger_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_reports" ADD CONSTRAINT "milestone_reports_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_contract_id_project_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."project_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contracts" ADD CONSTRAINT "project_contracts_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contracts" ADD CONSTRAINT "project_contracts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_evaluations" ADD CONSTRAINT "project_evaluations_contract_id_project_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."project_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_declarations" ADD CONSTRAINT "review_declarations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_criterion_id_call_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."call_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_attachments_area_code_app_idx" ON "application_attachments" USING btree ("area_code","application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_call_org_key" ON "applications" USING btree ("call_id","org_id");--> statement-breakpoint
CREATE INDEX "applications_area_code_call_idx" ON "applications" USING btree ("area_code","call_id");--> statement-breakpoint
CREATE INDEX "applications_org_idx" ON "applications" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "call_criteria_call_position_key" ON "call_criteria" USING btree ("call_id","position");--> statement-breakpoint
CREATE INDEX "call_reviewers_user_idx" ON "call_reviewers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "calls_area_code_created_at_idx" ON "calls" USING btree ("area_code","created_at","id");--> statement-breakpoint
CREATE INDEX "calls_status_deadline_idx" ON "calls" USING btree ("status","submission_deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_ocid_key" ON "calls" USING btree ("ocid");--> statement-breakpoint
CREATE INDEX "contract_attachments_area_code_contract_idx" ON "contract_attachments" USING btree ("area_code","contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_ledger_milestone_key" ON "funding_ledger" USING btree ("milestone_id") WHERE "funding_ledger"."milestone_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "funding_ledger_area_code_paid_idx" ON "funding_ledger" USING btree ("area_code","paid_on");--> statement-breakpoint
CREATE INDEX "funding_ledger_org_paid_idx" ON "funding_ledger" USING btree ("org_id","paid_on");--> statement-breakpoint
CREATE INDEX "milestone_reports_area_code_milestone_idx" ON "milestone_reports" USING btree ("area_code","milestone_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "milestones_contract_position_key" ON "milestones" USING btree ("contract_id","position");--> statement-breakpoint
CREATE INDEX "milestones_area_code_due_idx" ON "milestones" USING btree ("area_code","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "project_contracts_application_key" ON "project_contracts" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "project_contracts_area_code_signed_idx" ON "project_contracts" USING btree ("area_code","signed_at","id");--> statement-breakpoint
CREATE INDEX "project_contracts_org_idx" ON "project_contracts" USING btree ("org_id","signed_at");--> statement-breakpoint
CREATE INDEX "project_evaluations_area_code_idx" ON "project_evaluations" USING btree ("area_code","completed_at");