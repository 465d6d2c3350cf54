-- Foreign keys of the unit rollups (docs/adr/0005-foreign-keys.md, ADR 0014): both tables are rebuilt from rows that
-- already satisfy these keys, so validation only reads.
ALTER TABLE "service_unit_month_stats" ADD CONSTRAINT "service_unit_month_stats_catalogue_code_fk" FOREIGN KEY ("catalogue_code") REFERENCES "catalogue_items"("code") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "service_unit_people" ADD CONSTRAINT "service_unit_people_beneficiary_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "beneficiaries"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
