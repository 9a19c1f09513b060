ALTER TABLE "needs" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "confirmed_by" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "needs_area_code_status_idx" ON "needs" USING btree ("area_code","status");--> statement-breakpoint
-- Hand-written backfill: closure time of needs closed before this migration, from their "confirmed" event.
UPDATE "needs" SET "closed_at" = (SELECT max(e."at") FROM "need_events" e WHERE e."need_id" = "needs"."id" AND e."kind" = 'confirmed') WHERE "status" = 'closed' AND "closed_at" IS NULL;
