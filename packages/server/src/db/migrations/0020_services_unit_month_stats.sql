-- Month rollup per unit (county-level division), item and form (issue 11: the city's year reads ~10x fewer rows),
-- built from service_month_stats, as the services module keeps it from now on.
CREATE TABLE "service_unit_month_stats" (
	"unit_path" text NOT NULL,
	"month" date NOT NULL,
	"catalogue_code" text NOT NULL,
	"form" text NOT NULL,
	"domain_code" integer NOT NULL,
	"records" integer DEFAULT 0 NOT NULL,
	"person_services" integer DEFAULT 0 NOT NULL,
	"head_count" integer DEFAULT 0 NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "service_unit_month_stats_unit_path_month_catalogue_code_form_pk" PRIMARY KEY("unit_path","month","catalogue_code","form")
);
--> statement-breakpoint
INSERT INTO "service_unit_month_stats" ("unit_path", "month", "catalogue_code", "form", "domain_code", "records",
  "person_services", "head_count", "minutes")
SELECT coalesce(substring(division_path from '^/[^/]+/[^/]+/'), division_path), month, catalogue_code, form,
  domain_code, sum(records), sum(person_services), sum(head_count), sum(minutes)
FROM "service_month_stats" GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
CREATE INDEX "service_unit_month_stats_path_idx" ON "service_unit_month_stats" USING btree ("unit_path" text_pattern_ops,"month");