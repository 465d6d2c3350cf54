-- Visit completion from one row per person (ADR 0016, issue 11): the first grade's date on the person, and every
-- home-visit day (days since 2000-01-01, ascending) on the person's last-contact row; backfilled from the facts.
ALTER TABLE "beneficiaries" ADD COLUMN "graded_on" date;--> statement-breakpoint
ALTER TABLE "beneficiary_contacts" ADD COLUMN "visit_days" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
UPDATE "beneficiaries" b SET "graded_on" = g."first"
  FROM (SELECT "beneficiary_id", min("assessed_on") AS "first" FROM "beneficiary_risk_assessments" GROUP BY 1) g
  WHERE g."beneficiary_id" = b."id";--> statement-breakpoint
UPDATE "beneficiary_contacts" c SET "visit_days" = v."days"
  FROM (SELECT "beneficiary_id", array_agg(DISTINCT "served_on" - date '2000-01-01' ORDER BY "served_on" - date '2000-01-01') AS "days"
    FROM "service_record_people" WHERE "visit" GROUP BY 1) v
  WHERE v."beneficiary_id" = c."beneficiary_id";
