CREATE TABLE "need_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"tier" text NOT NULL,
	"respond_within_hours" integer NOT NULL,
	"resolve_within_days" integer NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"need_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text,
	"actor_login" text,
	"reason" text,
	"at" timestamp with time zone NOT NULL,
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"resident_id" uuid,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"urgency" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"tier" text NOT NULL,
	"routing_rule_id" uuid,
	"routing_explanation" text DEFAULT '' NOT NULL,
	"done_at" timestamp with time zone,
	"rating" smallint,
	"confirmation_comment" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"need_id" uuid NOT NULL,
	"provider_kind" text NOT NULL,
	"provider_id" uuid,
	"status" text NOT NULL,
	"decline_reason" text,
	"respond_by" timestamp with time zone NOT NULL,
	"resolve_by" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"seq" bigserial NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"position" integer NOT NULL,
	"category" text,
	"resident_groups" text[],
	"area_prefix" varchar(12) COLLATE "C",
	"tier" text NOT NULL,
	"provider_kind" text NOT NULL,
	"provider_id" uuid,
	"enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"referral_id" uuid NOT NULL,
	"served_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"party_kind" text NOT NULL,
	"party_name" text NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "need_events" ADD CONSTRAINT "need_events_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_category_need_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."need_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_events_area_code_need_idx" ON "need_events" USING btree ("area_code","need_id","at");--> statement-breakpoint
CREATE INDEX "needs_area_code_created_at_idx" ON "needs" USING btree ("area_code","created_at","id");--> statement-breakpoint
CREATE INDEX "needs_created_by_idx" ON "needs" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "needs_resident_id_idx" ON "needs" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "referrals_area_code_status_idx" ON "referrals" USING btree ("area_code","status");--> statement-breakpoint
CREATE INDEX "referrals_provider_idx" ON "referrals" USING btree ("provider_id","status");--> statement-breakpoint
CREATE INDEX "referrals_need_id_idx" ON "referrals" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "routing_rules_area_code_position_idx" ON "routing_rules" USING btree ("area_code","position");--> statement-breakpoint
CREATE INDEX "service_records_area_code_referral_idx" ON "service_records" USING btree ("area_code","referral_id");