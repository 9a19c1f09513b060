CREATE TABLE "social_org_service_areas" (
	"org_id" uuid NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "social_org_service_areas_org_id_area_code_pk" PRIMARY KEY("org_id","area_code")
);
--> statement-breakpoint
CREATE TABLE "social_org_stations" (
	"org_id" uuid NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"since" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "social_org_stations_org_id_area_code_pk" PRIMARY KEY("org_id","area_code")
);
--> statement-breakpoint
ALTER TABLE "social_orgs" ALTER COLUMN "is_social_work_agency" DROP DEFAULT;--> statement-breakpoint
-- Hand edit: the foundation stored yes/no text; convert it explicitly.
ALTER TABLE "social_orgs" ALTER COLUMN "is_social_work_agency" SET DATA TYPE boolean USING ("is_social_work_agency" = 'yes');--> statement-breakpoint
ALTER TABLE "social_orgs" ALTER COLUMN "is_social_work_agency" SET DEFAULT false;--> statement-breakpoint
ALTER TABLE "social_orgs" ADD COLUMN "uscc" text;--> statement-breakpoint
ALTER TABLE "social_orgs" ADD COLUMN "legal_form" text;--> statement-breakpoint
ALTER TABLE "social_orgs" ADD COLUMN "registration" text DEFAULT 'filed' NOT NULL;--> statement-breakpoint
ALTER TABLE "social_orgs" ADD COLUMN "category" text DEFAULT 'comprehensive' NOT NULL;--> statement-breakpoint
ALTER TABLE "social_orgs" ADD COLUMN "grade" text;--> statement-breakpoint
ALTER TABLE "social_orgs" ADD COLUMN "grade_year" smallint;--> statement-breakpoint
ALTER TABLE "social_orgs" ADD COLUMN "founded_on" date;--> statement-breakpoint
ALTER TABLE "social_orgs" ADD COLUMN "staff_count" integer;--> statement-breakpoint
ALTER TABLE "social_orgs" ADD COLUMN "social_worker_count" integer;--> statement-breakpoint
ALTER TABLE "social_orgs" ADD COLUMN "funding_sources" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "social_orgs" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "social_orgs" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "social_orgs" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "social_orgs" ADD COLUMN "contact_address" text;--> statement-breakpoint
ALTER TABLE "social_orgs" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "social_org_service_areas" ADD CONSTRAINT "social_org_service_areas_org_id_social_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."social_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_org_stations" ADD CONSTRAINT "social_org_stations_org_id_social_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."social_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "social_org_service_areas_area_code_idx" ON "social_org_service_areas" USING btree ("area_code","org_id");--> statement-breakpoint
CREATE INDEX "social_org_stations_area_code_idx" ON "social_org_stations" USING btree ("area_code","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "social_orgs_uscc_key" ON "social_orgs" USING btree ("uscc") WHERE "social_orgs"."uscc" IS NOT NULL;