ALTER TABLE "needs" ADD COLUMN "grid_id" uuid;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "grid_name" text;