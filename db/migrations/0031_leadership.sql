CREATE TABLE "leadership_group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"group_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"unit" text,
	"role" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leadership_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"leader_name" text NOT NULL,
	"leader_title" text,
	"in_charge_name" text,
	"in_charge_title" text,
	"lead_department_name" text,
	"lead_department_id" uuid,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leadership_plan_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"indicator" text NOT NULL,
	"target_value" numeric(14, 4) NOT NULL,
	"comparison" text NOT NULL,
	"owner_name" text NOT NULL,
	"owner_department_id" uuid,
	"owner_user_id" uuid,
	"due_on" date NOT NULL,
	"escalated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leadership_plan_targets_value" CHECK ("leadership_plan_targets"."target_value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "leadership_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leadership_progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"target_id" uuid NOT NULL,
	"value" numeric(14, 4) NOT NULL,
	"note" text,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leadership_responsibilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"group_id" uuid NOT NULL,
	"department_name" text NOT NULL,
	"department_id" uuid,
	"duty" text NOT NULL,
	"catalog_item_id" uuid,
	"deadline" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "leadership_group_members" ADD CONSTRAINT "leadership_group_members_group_id_leadership_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."leadership_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leadership_plan_targets" ADD CONSTRAINT "leadership_plan_targets_plan_id_leadership_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."leadership_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leadership_progress_reports" ADD CONSTRAINT "leadership_progress_reports_target_id_leadership_plan_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."leadership_plan_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leadership_responsibilities" ADD CONSTRAINT "leadership_responsibilities_group_id_leadership_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."leadership_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leadership_group_members_group_idx" ON "leadership_group_members" USING btree ("group_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "leadership_groups_area_code_name_key" ON "leadership_groups" USING btree ("area_code","name");--> statement-breakpoint
CREATE INDEX "leadership_plan_targets_area_code_plan_idx" ON "leadership_plan_targets" USING btree ("area_code","plan_id","due_on","id");--> statement-breakpoint
CREATE INDEX "leadership_plan_targets_due_idx" ON "leadership_plan_targets" USING btree ("due_on") WHERE escalated_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "leadership_plans_area_code_year_key" ON "leadership_plans" USING btree ("area_code","year");--> statement-breakpoint
CREATE INDEX "leadership_progress_reports_target_idx" ON "leadership_progress_reports" USING btree ("target_id","reported_at","id");--> statement-breakpoint
CREATE INDEX "leadership_responsibilities_area_code_group_idx" ON "leadership_responsibilities" USING btree ("area_code","group_id","department_name","id");