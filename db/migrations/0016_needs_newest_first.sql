CREATE INDEX "needs_created_at_idx" ON "needs" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "referrals_created_at_idx" ON "referrals" USING btree ("created_at","id");