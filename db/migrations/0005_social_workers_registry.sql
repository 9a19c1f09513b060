CREATE TABLE "social_worker_communities" (
	"worker_id" uuid NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "social_worker_communities_worker_id_area_code_pk" PRIMARY KEY("worker_id","area_code")
);
--> statement-breakpoint
CREATE TABLE "social_worker_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"worker_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_worker_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"date" date NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	"topic" text NOT NULL,
	"provider" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"gender" text,
	"level" text NOT NULL,
	"certificate_no" text,
	"certificate_year" integer,
	"organization_id" uuid NOT NULL,
	"supervisor_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "social_workers_supervisor_not_self" CHECK (supervisor_id IS DISTINCT FROM id)
);
--> statement-breakpoint
ALTER TABLE "social_worker_communities" ADD CONSTRAINT "social_worker_communities_worker_id_social_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."social_workers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_worker_posts" ADD CONSTRAINT "social_worker_posts_worker_id_social_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."social_workers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_worker_trainings" ADD CONSTRAINT "social_worker_trainings_worker_id_social_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."social_workers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_workers" ADD CONSTRAINT "social_workers_supervisor_id_social_workers_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."social_workers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "social_worker_communities_area_code_worker_idx" ON "social_worker_communities" USING btree ("area_code","worker_id");--> statement-breakpoint
CREATE INDEX "social_worker_posts_area_code_idx" ON "social_worker_posts" USING btree ("area_code");--> statement-breakpoint
CREATE INDEX "social_worker_posts_worker_idx" ON "social_worker_posts" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "social_worker_trainings_worker_date_idx" ON "social_worker_trainings" USING btree ("worker_id","date");--> statement-breakpoint
CREATE INDEX "social_workers_area_code_name_idx" ON "social_workers" USING btree ("area_code","name");--> statement-breakpoint
CREATE UNIQUE INDEX "social_workers_certificate_no_key" ON "social_workers" USING btree ("certificate_no") WHERE certificate_no IS NOT NULL;--> statement-breakpoint
CREATE INDEX "social_workers_organization_id_idx" ON "social_workers" USING btree ("organization_id");