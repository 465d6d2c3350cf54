-- The months each person was served in a unit (county-level division), as bits of 60-month blocks (issue 11: the
-- city's distinct people over a year read one row per person and unit, not one per person and month). Built from
-- service_people_months, as the services module keeps it from now on.
CREATE TABLE "service_unit_people" (
	"unit_path" text NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"block" integer NOT NULL,
	"months" bigint NOT NULL,
	CONSTRAINT "service_unit_people_unit_path_beneficiary_id_block_pk" PRIMARY KEY("unit_path","beneficiary_id","block")
);
--> statement-breakpoint
INSERT INTO "service_unit_people" ("unit_path", "beneficiary_id", "block", "months")
SELECT coalesce(substring(x.division_path from '^/[^/]+/[^/]+/'), x.division_path), x.beneficiary_id, x.m / 60,
  bit_or(1::bigint << (x.m % 60))
FROM (SELECT division_path, beneficiary_id,
    extract(year from month)::int * 12 + extract(month from month)::int - 1 AS m
  FROM "service_people_months") x
GROUP BY 1, 2, 3;--> statement-breakpoint
CREATE INDEX "service_unit_people_path_idx" ON "service_unit_people" USING btree ("unit_path" text_pattern_ops,"block");--> statement-breakpoint
CREATE INDEX "service_unit_people_person_idx" ON "service_unit_people" USING btree ("beneficiary_id");