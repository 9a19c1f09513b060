CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"provider_kind" text NOT NULL,
	"organization_id" uuid,
	"community_code" varchar(12) COLLATE "C",
	"name" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"tier" text NOT NULL,
	"price_kind" text NOT NULL,
	"price_fen" integer,
	"eligibility_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_age" integer,
	"max_age" integer,
	"service_area_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"schedule" text,
	"location_facility_id" uuid,
	"location_address" text,
	"contact_phone" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_price_nonnegative" CHECK (price_fen IS NULL OR price_fen >= 0),
	CONSTRAINT "services_paid_has_price" CHECK (price_kind <> 'paid' OR price_fen IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX "services_area_code_name_idx" ON "services" USING btree ("area_code","name");--> statement-breakpoint
CREATE INDEX "services_area_code_status_idx" ON "services" USING btree ("area_code","status");--> statement-breakpoint
CREATE INDEX "services_organization_id_idx" ON "services" USING btree ("organization_id");