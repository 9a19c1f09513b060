ALTER TABLE "cases" ADD COLUMN "need_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_referral_id_key" ON "cases" USING btree ("referral_id") WHERE referral_id IS NOT NULL;