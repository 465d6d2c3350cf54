-- Visit completion and alert counts without a per-row join or time-zone conversion (docs/PERFORMANCE.md, issue 11).
-- A record's people rows carry whether it is a home visit (VISIT_FORMS), backfilled from the records.
ALTER TABLE "service_record_people" ADD COLUMN "visit" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "service_record_people" p SET "visit" = true FROM "service_records" r WHERE r."id" = p."record_id" AND r."form" = 'home_visit';--> statement-breakpoint
-- The local days an alert was raised and closed, computed by the database for existing and new rows alike.
ALTER TABLE "alerts" ADD COLUMN "raised_on" date GENERATED ALWAYS AS (((raised_at at time zone 'Asia/Shanghai')::date)) STORED;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "closed_on" date GENERATED ALWAYS AS (((closed_at at time zone 'Asia/Shanghai')::date)) STORED;--> statement-breakpoint
CREATE INDEX "service_record_people_visit_idx" ON "service_record_people" USING btree ("beneficiary_id","served_on") WHERE visit;--> statement-breakpoint
CREATE INDEX "alerts_path_raised_idx" ON "alerts" USING btree ("division_path" text_pattern_ops,"raised_on");