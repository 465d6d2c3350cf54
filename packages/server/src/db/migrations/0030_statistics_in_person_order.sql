-- Statistics in person order (issue 11, the city's year): the people served and their categories read as index-only
-- scans merged by person, not as hashes of ~300,000 ids.
DROP INDEX "beneficiary_categories_person_idx";--> statement-breakpoint
DROP INDEX "service_unit_people_person_idx";--> statement-breakpoint
CREATE INDEX "beneficiary_categories_person_idx" ON "beneficiary_categories" USING btree ("beneficiary_id","category","started_on","ended_on","archived_at");--> statement-breakpoint
CREATE INDEX "service_unit_people_person_idx" ON "service_unit_people" USING btree ("beneficiary_id","block","unit_path","months");