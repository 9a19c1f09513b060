ALTER TABLE "import_jobs" ADD COLUMN "rows_encrypted" text;--> statement-breakpoint
ALTER TABLE "import_jobs" DROP COLUMN "file";