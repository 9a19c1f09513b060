CREATE TABLE "meeting_minutes_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"meeting_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"html" text NOT NULL,
	"reason" text,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "owner_department_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_minutes_versions" ADD CONSTRAINT "meeting_minutes_versions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_minutes_versions_meeting_number_key" ON "meeting_minutes_versions" USING btree ("meeting_id","number");