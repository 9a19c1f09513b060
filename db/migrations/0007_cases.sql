CREATE TABLE "case_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"text" text NOT NULL,
	"target_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"date" date NOT NULL,
	"progress" text NOT NULL,
	"decision" text NOT NULL,
	"reviewed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"date" date NOT NULL,
	"minutes" integer NOT NULL,
	"kind" text NOT NULL,
	"notes" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"resident_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"opened_by" uuid,
	"referral_id" uuid,
	"status" text DEFAULT 'intake' NOT NULL,
	"presenting_problem" text NOT NULL,
	"needs" text,
	"risks" text,
	"risk_level" text NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"closing_summary" text,
	"closing_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_goals" ADD CONSTRAINT "case_goals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_sessions" ADD CONSTRAINT "case_sessions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_goals_case_id_idx" ON "case_goals" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_reviews_case_id_date_idx" ON "case_reviews" USING btree ("case_id","date");--> statement-breakpoint
CREATE INDEX "case_sessions_case_id_date_idx" ON "case_sessions" USING btree ("case_id","date");--> statement-breakpoint
CREATE INDEX "cases_area_code_updated_at_idx" ON "cases" USING btree ("area_code","updated_at","id");--> statement-breakpoint
CREATE INDEX "cases_worker_id_idx" ON "cases" USING btree ("worker_id","updated_at");--> statement-breakpoint
CREATE INDEX "cases_resident_id_idx" ON "cases" USING btree ("resident_id");