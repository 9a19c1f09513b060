CREATE TABLE "action_item_escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"action_item_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"escalated_at" timestamp with time zone NOT NULL,
	"recipients" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_item_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"action_item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"referral_id" uuid,
	"service_record_id" uuid,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"meeting_id" uuid NOT NULL,
	"resolution_id" uuid NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_organization_id" uuid,
	"owner_community_code" varchar(12) COLLATE "C",
	"owner_user_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"expected_result" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"returned_reason" text,
	"done_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"need_category" text,
	"referral_id" uuid,
	"link_id" uuid
);
--> statement-breakpoint
CREATE TABLE "meeting_invitees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"organization_id" uuid,
	"name" text NOT NULL,
	"response" text DEFAULT 'pending' NOT NULL,
	"delegate_name" text,
	"responded_at" timestamp with time zone,
	"signed_in_at" timestamp with time zone,
	"signed_in_by" uuid
);
--> statement-breakpoint
CREATE TABLE "meeting_resolutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place_kind" text NOT NULL,
	"facility_id" uuid,
	"online_url" text,
	"convener_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"minutes_html" text,
	"summary" text,
	"summary_published_at" timestamp with time zone,
	"sign_in_token" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_item_escalations" ADD CONSTRAINT "action_item_escalations_action_item_id_action_items_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."action_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_updates" ADD CONSTRAINT "action_item_updates_action_item_id_action_items_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."action_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_resolution_id_meeting_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."meeting_resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_resolutions" ADD CONSTRAINT "meeting_resolutions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_resolutions" ADD CONSTRAINT "meeting_resolutions_agenda_item_id_meeting_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."meeting_agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_item_escalations_area_code_at_idx" ON "action_item_escalations" USING btree ("area_code","escalated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "action_item_escalations_item_key" ON "action_item_escalations" USING btree ("action_item_id");--> statement-breakpoint
CREATE INDEX "action_item_updates_area_code_item_idx" ON "action_item_updates" USING btree ("area_code","action_item_id","seq");--> statement-breakpoint
CREATE INDEX "action_items_area_code_status_due_idx" ON "action_items" USING btree ("area_code","status","due_on");--> statement-breakpoint
CREATE INDEX "action_items_owner_user_idx" ON "action_items" USING btree ("owner_user_id","status","due_on");--> statement-breakpoint
CREATE INDEX "action_items_meeting_idx" ON "action_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_area_code_meeting_idx" ON "meeting_agenda_items" USING btree ("area_code","meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_invitees_area_code_meeting_idx" ON "meeting_invitees" USING btree ("area_code","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_invitees_user_idx" ON "meeting_invitees" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meeting_invitees_org_idx" ON "meeting_invitees" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "meeting_resolutions_area_code_meeting_idx" ON "meeting_resolutions" USING btree ("area_code","meeting_id","created_at");--> statement-breakpoint
CREATE INDEX "meetings_area_code_starts_at_idx" ON "meetings" USING btree ("area_code","starts_at","id");--> statement-breakpoint
CREATE INDEX "meetings_area_code_published_idx" ON "meetings" USING btree ("area_code","summary_published_at") WHERE summary_published_at IS NOT NULL;