CREATE TABLE "api_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_used_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "contact_enc" text;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "contact_masked" jsonb;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "long" double precision;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "media_url" text;--> statement-breakpoint
CREATE UNIQUE INDEX "api_clients_key_hash_key" ON "api_clients" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_clients_area_code_created_at_idx" ON "api_clients" USING btree ("area_code","created_at","id");--> statement-breakpoint
CREATE INDEX "needs_area_code_channel_idx" ON "needs" USING btree ("area_code","channel","created_at");