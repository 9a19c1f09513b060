CREATE INDEX "needs_street_created_at_idx" ON "needs" USING btree (left("area_code", 9),"created_at","id");--> statement-breakpoint
CREATE INDEX "needs_district_created_at_idx" ON "needs" USING btree (left("area_code", 6),"created_at","id");--> statement-breakpoint
CREATE INDEX "referrals_area_code_created_at_idx" ON "referrals" USING btree ("area_code","created_at","id");--> statement-breakpoint
CREATE INDEX "referrals_street_created_at_idx" ON "referrals" USING btree (left("area_code", 9),"created_at","id");--> statement-breakpoint
CREATE INDEX "referrals_district_created_at_idx" ON "referrals" USING btree (left("area_code", 6),"created_at","id");--> statement-breakpoint
CREATE INDEX "referrals_provider_created_at_idx" ON "referrals" USING btree ("provider_id","created_at","id");