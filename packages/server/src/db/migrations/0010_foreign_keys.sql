-- Foreign keys for every reference between rows (docs/adr/0005-foreign-keys.md). Hand-written: a module's table file may
-- not import another module's table, so the constraints live here rather than in `.references()`; the indexes on the
-- referencing columns came in 0009. Deletes are refused (NO ACTION) except for a user's sessions and station grants.
--
-- A database that ran earlier migrations may hold rows pointing at nothing (nothing enforced it before). Rather than
-- hide them behind NOT VALID, the migration stops before changing anything and names every broken reference; the whole
-- migration is one transaction, so nothing is half-applied. Repair the rows it lists and start the server again.
DO $$
DECLARE
  refs text[][] := ARRAY[
    ['divisions', 'parent_code', 'divisions', 'code'],
    ['plan_targets', 'division_code', 'divisions', 'code'],
    ['users', 'division_code', 'divisions', 'code'],
    ['users', 'organisation_id', 'organisations', 'id'],
    ['users', 'worker_id', 'workers', 'id'],
    ['users', 'created_by', 'users', 'id'],
    ['users', 'updated_by', 'users', 'id'],
    ['user_stations', 'user_id', 'users', 'id'],
    ['user_stations', 'station_id', 'stations', 'id'],
    ['sessions', 'user_id', 'users', 'id'],
    ['stations', 'township_code', 'divisions', 'code'],
    ['stations', 'county_code', 'divisions', 'code'],
    ['stations', 'signage_file_id', 'files', 'id'],
    ['stations', 'created_by', 'users', 'id'],
    ['stations', 'updated_by', 'users', 'id'],
    ['county_centres', 'county_code', 'divisions', 'code'],
    ['county_centres', 'created_by', 'users', 'id'],
    ['county_centres', 'updated_by', 'users', 'id'],
    ['service_rooms', 'station_id', 'stations', 'id'],
    ['service_rooms', 'created_by', 'users', 'id'],
    ['service_rooms', 'updated_by', 'users', 'id'],
    ['audit_events', 'user_id', 'users', 'id'],
    ['files', 'created_by', 'users', 'id'],
    ['attachments', 'file_id', 'files', 'id'],
    ['attachments', 'created_by', 'users', 'id'],
    ['organisations', 'division_code', 'divisions', 'code'],
    ['organisations', 'created_by', 'users', 'id'],
    ['organisations', 'updated_by', 'users', 'id'],
    ['organisation_disclosures', 'organisation_id', 'organisations', 'id'],
    ['organisation_disclosures', 'created_by', 'users', 'id'],
    ['purchase_plans', 'county_code', 'divisions', 'code'],
    ['purchase_plans', 'created_by', 'users', 'id'],
    ['purchase_plans', 'updated_by', 'users', 'id'],
    ['purchase_plan_events', 'plan_id', 'purchase_plans', 'id'],
    ['purchase_plan_events', 'user_id', 'users', 'id'],
    ['procurements', 'county_code', 'divisions', 'code'],
    ['procurements', 'purchase_plan_id', 'purchase_plans', 'id'],
    ['procurements', 'award_organisation_id', 'organisations', 'id'],
    ['procurements', 'created_by', 'users', 'id'],
    ['procurements', 'updated_by', 'users', 'id'],
    ['contracts', 'county_code', 'divisions', 'code'],
    ['contracts', 'procurement_id', 'procurements', 'id'],
    ['contracts', 'organisation_id', 'organisations', 'id'],
    ['contracts', 'created_by', 'users', 'id'],
    ['contracts', 'updated_by', 'users', 'id'],
    ['contract_stations', 'contract_id', 'contracts', 'id'],
    ['contract_stations', 'station_id', 'stations', 'id'],
    ['contract_agreements', 'contract_id', 'contracts', 'id'],
    ['contract_agreements', 'created_by', 'users', 'id'],
    ['contract_evaluations', 'contract_id', 'contracts', 'id'],
    ['contract_evaluations', 'created_by', 'users', 'id'],
    ['workers', 'organisation_id', 'organisations', 'id'],
    ['workers', 'created_by', 'users', 'id'],
    ['workers', 'updated_by', 'users', 'id'],
    ['worker_assignments', 'worker_id', 'workers', 'id'],
    ['worker_assignments', 'station_id', 'stations', 'id'],
    ['worker_assignments', 'created_by', 'users', 'id'],
    ['hiring_exceptions', 'organisation_id', 'organisations', 'id'],
    ['hiring_exceptions', 'created_by', 'users', 'id'],
    ['trainings', 'organisation_id', 'organisations', 'id'],
    ['trainings', 'created_by', 'users', 'id'],
    ['training_attendance', 'training_id', 'trainings', 'id'],
    ['training_attendance', 'worker_id', 'workers', 'id'],
    ['payroll_records', 'worker_id', 'workers', 'id'],
    ['payroll_records', 'organisation_id', 'organisations', 'id'],
    ['payroll_records', 'updated_by', 'users', 'id']
  ];
  i int;
  n bigint;
  example text;
  problems text := '';
BEGIN
  FOR i IN 1 .. array_length(refs, 1) LOOP
    EXECUTE format(
      'SELECT count(*), min(c.%2$I::text) FROM %1$I c WHERE c.%2$I IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %3$I p WHERE p.%4$I = c.%2$I)',
      refs[i][1], refs[i][2], refs[i][3], refs[i][4]) INTO n, example;
    IF n > 0 THEN
      problems := problems || format(E'\n  %s.%s -> %s.%s: %s row(s) point to a missing row (e.g. %s)',
        refs[i][1], refs[i][2], refs[i][3], refs[i][4], n, example);
    END IF;
  END LOOP;
  IF problems <> '' THEN
    RAISE EXCEPTION 'foreign keys (migration 0010_foreign_keys) cannot be added: rows refer to rows that do not exist:%', problems
      USING HINT = 'Nothing was changed. Point each listed row at an existing record (or clear the column where it is optional), then start the server again; docs/adr/0005-foreign-keys.md.';
  END IF;
END $$;
--> statement-breakpoint
ALTER TABLE "divisions" ADD CONSTRAINT "divisions_parent_code_fk" FOREIGN KEY ("parent_code") REFERENCES "divisions"("code") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_division_code_fk" FOREIGN KEY ("division_code") REFERENCES "divisions"("code") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_division_code_fk" FOREIGN KEY ("division_code") REFERENCES "divisions"("code") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_worker_id_fk" FOREIGN KEY ("worker_id") REFERENCES "workers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "user_stations" ADD CONSTRAINT "user_stations_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "user_stations" ADD CONSTRAINT "user_stations_station_id_fk" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_township_code_fk" FOREIGN KEY ("township_code") REFERENCES "divisions"("code") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_county_code_fk" FOREIGN KEY ("county_code") REFERENCES "divisions"("code") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_signage_file_id_fk" FOREIGN KEY ("signage_file_id") REFERENCES "files"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "county_centres" ADD CONSTRAINT "county_centres_county_code_fk" FOREIGN KEY ("county_code") REFERENCES "divisions"("code") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "county_centres" ADD CONSTRAINT "county_centres_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "county_centres" ADD CONSTRAINT "county_centres_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "service_rooms" ADD CONSTRAINT "service_rooms_station_id_fk" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "service_rooms" ADD CONSTRAINT "service_rooms_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "service_rooms" ADD CONSTRAINT "service_rooms_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_division_code_fk" FOREIGN KEY ("division_code") REFERENCES "divisions"("code") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "organisation_disclosures" ADD CONSTRAINT "organisation_disclosures_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "organisation_disclosures" ADD CONSTRAINT "organisation_disclosures_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "purchase_plans" ADD CONSTRAINT "purchase_plans_county_code_fk" FOREIGN KEY ("county_code") REFERENCES "divisions"("code") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "purchase_plans" ADD CONSTRAINT "purchase_plans_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "purchase_plans" ADD CONSTRAINT "purchase_plans_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "purchase_plan_events" ADD CONSTRAINT "purchase_plan_events_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "purchase_plans"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "purchase_plan_events" ADD CONSTRAINT "purchase_plan_events_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "procurements" ADD CONSTRAINT "procurements_county_code_fk" FOREIGN KEY ("county_code") REFERENCES "divisions"("code") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "procurements" ADD CONSTRAINT "procurements_purchase_plan_id_fk" FOREIGN KEY ("purchase_plan_id") REFERENCES "purchase_plans"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "procurements" ADD CONSTRAINT "procurements_award_organisation_id_fk" FOREIGN KEY ("award_organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "procurements" ADD CONSTRAINT "procurements_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "procurements" ADD CONSTRAINT "procurements_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_county_code_fk" FOREIGN KEY ("county_code") REFERENCES "divisions"("code") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_procurement_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "procurements"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "contract_stations" ADD CONSTRAINT "contract_stations_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "contract_stations" ADD CONSTRAINT "contract_stations_station_id_fk" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "contract_agreements" ADD CONSTRAINT "contract_agreements_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "contract_agreements" ADD CONSTRAINT "contract_agreements_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "contract_evaluations" ADD CONSTRAINT "contract_evaluations_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "contract_evaluations" ADD CONSTRAINT "contract_evaluations_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "worker_assignments" ADD CONSTRAINT "worker_assignments_worker_id_fk" FOREIGN KEY ("worker_id") REFERENCES "workers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "worker_assignments" ADD CONSTRAINT "worker_assignments_station_id_fk" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "worker_assignments" ADD CONSTRAINT "worker_assignments_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "hiring_exceptions" ADD CONSTRAINT "hiring_exceptions_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "hiring_exceptions" ADD CONSTRAINT "hiring_exceptions_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_training_id_fk" FOREIGN KEY ("training_id") REFERENCES "trainings"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_worker_id_fk" FOREIGN KEY ("worker_id") REFERENCES "workers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "payroll_records" ADD CONSTRAINT "payroll_records_worker_id_fk" FOREIGN KEY ("worker_id") REFERENCES "workers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "payroll_records" ADD CONSTRAINT "payroll_records_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
--> statement-breakpoint
ALTER TABLE "payroll_records" ADD CONSTRAINT "payroll_records_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
