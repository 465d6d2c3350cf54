CREATE INDEX "user_stations_station_idx" ON "user_stations" USING btree ("station_id");--> statement-breakpoint
CREATE INDEX "users_division_code_idx" ON "users" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "users_organisation_idx" ON "users" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "stations_county_idx" ON "stations" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "stations_signage_file_idx" ON "stations" USING btree ("signage_file_id");--> statement-breakpoint
CREATE INDEX "audit_events_user_idx" ON "audit_events" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "attachments_file_idx" ON "attachments" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "organisations_division_idx" ON "organisations" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "procurements_county_idx" ON "procurements" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "procurements_plan_idx" ON "procurements" USING btree ("purchase_plan_id");--> statement-breakpoint
CREATE INDEX "procurements_award_org_idx" ON "procurements" USING btree ("award_organisation_id");--> statement-breakpoint
CREATE INDEX "purchase_plans_county_idx" ON "purchase_plans" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "contracts_county_idx" ON "contracts" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "trainings_org_idx" ON "trainings" USING btree ("organisation_id");