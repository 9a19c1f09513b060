CREATE TABLE "community_profiles" (
	"area_code" varchar(12) COLLATE "C" PRIMARY KEY NOT NULL,
	"kind" text,
	"population" integer,
	"households" integer,
	"office_area_m2" numeric(10, 2),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"area_m2" numeric(10, 2),
	"opening_hours" text,
	"bookable" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"grid_worker_name" text,
	"grid_worker_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "facilities_area_code_type_name_idx" ON "facilities" USING btree ("area_code","type","name");--> statement-breakpoint
CREATE UNIQUE INDEX "grids_area_code_name_idx" ON "grids" USING btree ("area_code","name");--> statement-breakpoint
CREATE INDEX "grids_area_code_id_idx" ON "grids" USING btree ("area_code","id");