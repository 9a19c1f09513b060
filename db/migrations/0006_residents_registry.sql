CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"address" text NOT NULL,
	"head_resident_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid NOT NULL,
	"from_area_code" varchar(12) COLLATE "C" NOT NULL,
	"to_area_code" varchar(12) COLLATE "C" NOT NULL,
	"reason" text NOT NULL,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"moved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"gender" text,
	"birth_date" date,
	"id_number_enc" text,
	"id_number_bidx" text,
	"id_number_masked" text,
	"phone_enc" text,
	"phone_bidx" text,
	"phone_masked" text,
	"address" text,
	"building" text,
	"unit" text,
	"room" text,
	"grid_id" uuid,
	"grid_name" text,
	"household_id" uuid,
	"relation_to_head" text,
	"groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"legal_basis" text,
	"consent_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resident_moves" ADD CONSTRAINT "resident_moves_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "households_area_code_address_idx" ON "households" USING btree ("area_code","address");--> statement-breakpoint
CREATE INDEX "resident_moves_resident_id_idx" ON "resident_moves" USING btree ("resident_id","moved_at");--> statement-breakpoint
CREATE INDEX "residents_area_code_name_idx" ON "residents" USING btree ("area_code","name","id");--> statement-breakpoint
CREATE INDEX "residents_area_code_created_at_idx" ON "residents" USING btree ("area_code","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_id_number_bidx_key" ON "residents" USING btree ("id_number_bidx");--> statement-breakpoint
CREATE INDEX "residents_phone_bidx_idx" ON "residents" USING btree ("phone_bidx");--> statement-breakpoint
CREATE INDEX "residents_household_id_idx" ON "residents" USING btree ("household_id");