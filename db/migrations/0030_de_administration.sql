CREATE TABLE "admin_task_catalog" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"list" text NOT NULL,
	"title" text NOT NULL,
	"legal_basis" text NOT NULL,
	"department_name" text,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_task_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"task_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"logged_minutes" integer,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_task_occurrences_minutes" CHECK ("admin_task_occurrences"."logged_minutes" IS NULL OR "admin_task_occurrences"."logged_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "admin_task_refusals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"department_id" uuid NOT NULL,
	"task_id" uuid,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"received_on" date NOT NULL,
	"note" text,
	"refused_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_task_targets" (
	"task_id" uuid NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"taken_back_at" timestamp with time zone,
	"taken_back_by" uuid,
	"assignee_kind" text,
	"assignee_name" text,
	"take_back_reason" text,
	"credited_fen" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"department_id" uuid NOT NULL,
	"catalog_item_id" uuid,
	"title" text NOT NULL,
	"legal_basis" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"frequency" text NOT NULL,
	"hours_per_occurrence" numeric(6, 2) NOT NULL,
	"funding_fen_per_community" bigint NOT NULL,
	"staff_provided" integer DEFAULT 0 NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"decision_due_on" date NOT NULL,
	"decision_reason" text,
	"unfunded_exception" text,
	"meeting_resolution_id" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"escalated_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_tasks_period" CHECK ("admin_tasks"."ends_on" >= "admin_tasks"."starts_on"),
	CONSTRAINT "admin_tasks_funding" CHECK ("admin_tasks"."funding_fen_per_community" >= 0 AND "admin_tasks"."hours_per_occurrence" >= 0),
	CONSTRAINT "admin_tasks_unfunded_exception" CHECK ("admin_tasks"."status" <> 'admitted' OR "admin_tasks"."funding_fen_per_community" > 0 OR "admin_tasks"."unfunded_exception" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funding_ledger" ALTER COLUMN "org_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "funding_ledger" ALTER COLUMN "source" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "funding_ledger" ADD COLUMN "holder_kind" text DEFAULT 'organization' NOT NULL;--> statement-breakpoint
ALTER TABLE "funding_ledger" ADD COLUMN "direction" text DEFAULT 'in' NOT NULL;--> statement-breakpoint
ALTER TABLE "funding_ledger" ADD COLUMN "purpose" text;--> statement-breakpoint
ALTER TABLE "funding_ledger" ADD COLUMN "admin_task_id" uuid;--> statement-breakpoint
ALTER TABLE "funding_ledger" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "admin_task_occurrences" ADD CONSTRAINT "admin_task_occurrences_task_id_admin_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."admin_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_task_refusals" ADD CONSTRAINT "admin_task_refusals_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_task_refusals" ADD CONSTRAINT "admin_task_refusals_task_id_admin_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."admin_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_task_targets" ADD CONSTRAINT "admin_task_targets_task_id_admin_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."admin_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_tasks" ADD CONSTRAINT "admin_tasks_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_tasks" ADD CONSTRAINT "admin_tasks_catalog_item_id_admin_task_catalog_id_fk" FOREIGN KEY ("catalog_item_id") REFERENCES "public"."admin_task_catalog"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admin_task_catalog_area_code_list_title_key" ON "admin_task_catalog" USING btree ("area_code","list","title");--> statement-breakpoint
CREATE UNIQUE INDEX "admin_task_occurrences_task_area_due_key" ON "admin_task_occurrences" USING btree ("task_id","area_code","due_on");--> statement-breakpoint
CREATE INDEX "admin_task_occurrences_area_code_due_idx" ON "admin_task_occurrences" USING btree ("area_code","due_on","id");--> statement-breakpoint
CREATE INDEX "admin_task_refusals_area_code_created_idx" ON "admin_task_refusals" USING btree ("area_code","created_at","id");--> statement-breakpoint
CREATE INDEX "admin_task_refusals_department_idx" ON "admin_task_refusals" USING btree ("department_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "admin_task_refusals_task_area_key" ON "admin_task_refusals" USING btree ("task_id","area_code") WHERE "admin_task_refusals"."task_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "admin_task_targets_task_area_key" ON "admin_task_targets" USING btree ("task_id","area_code");--> statement-breakpoint
CREATE INDEX "admin_task_targets_area_code_idx" ON "admin_task_targets" USING btree ("area_code","task_id");--> statement-breakpoint
CREATE INDEX "admin_tasks_area_code_created_idx" ON "admin_tasks" USING btree ("area_code","created_at","id");--> statement-breakpoint
CREATE INDEX "admin_tasks_department_created_idx" ON "admin_tasks" USING btree ("department_id","created_at","id");--> statement-breakpoint
CREATE INDEX "admin_tasks_decision_due_idx" ON "admin_tasks" USING btree ("decision_due_on") WHERE status = 'submitted' AND escalated_at IS NULL;--> statement-breakpoint
CREATE INDEX "admin_tasks_starts_on_idx" ON "admin_tasks" USING btree ("starts_on") WHERE status = 'admitted' AND started_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "departments_area_code_name_key" ON "departments" USING btree ("area_code","name");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_ledger_task_credit_key" ON "funding_ledger" USING btree ("admin_task_id","area_code") WHERE "funding_ledger"."source" = 'task_funding';--> statement-breakpoint
ALTER TABLE "funding_ledger" ADD CONSTRAINT "funding_ledger_holder" CHECK (("funding_ledger"."holder_kind" = 'organization') = ("funding_ledger"."org_id" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "funding_ledger" ADD CONSTRAINT "funding_ledger_direction" CHECK (("funding_ledger"."direction" = 'in' AND "funding_ledger"."source" IS NOT NULL AND "funding_ledger"."purpose" IS NULL) OR ("funding_ledger"."direction" = 'out' AND "funding_ledger"."purpose" IS NOT NULL AND "funding_ledger"."source" IS NULL));