CREATE TABLE "beneficiaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"division_path" text NOT NULL,
	"worker_id" uuid,
	"name" text NOT NULL,
	"id_number" text,
	"no_id_reason" text,
	"gender" text,
	"birth_date" date,
	"birth_year" integer,
	"birth_place" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"village" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"guardian_name" text,
	"guardian_relation" text,
	"guardian_phone" text,
	"risk_level" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "beneficiary_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"category" text NOT NULL,
	"tekun_form" text,
	"disability_kind" text,
	"disability_grade" text,
	"started_on" date NOT NULL,
	"ended_on" date,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "beneficiary_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"decision" text NOT NULL,
	"given_by" text NOT NULL,
	"scope" text NOT NULL,
	"recorded_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "beneficiary_household_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"member_id" uuid,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "beneficiary_risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"level" text NOT NULL,
	"reason" text NOT NULL,
	"assessed_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "beneficiary_stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"division_path" text NOT NULL,
	"worker_id" uuid,
	"since" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "beneficiaries_id_number_uq" ON "beneficiaries" USING btree ("id_number") WHERE id_number is not null and archived_at is null;--> statement-breakpoint
CREATE INDEX "beneficiaries_path_idx" ON "beneficiaries" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "beneficiaries_station_name_idx" ON "beneficiaries" USING btree ("station_id","name");--> statement-breakpoint
CREATE INDEX "beneficiaries_worker_idx" ON "beneficiaries" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "beneficiaries_name_idx" ON "beneficiaries" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "beneficiaries_id_tail_idx" ON "beneficiaries" USING btree (reverse("id_number") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "beneficiaries_phone_tail_idx" ON "beneficiaries" USING btree (reverse("phone") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "beneficiaries_match_idx" ON "beneficiaries" USING btree ("name","birth_year");--> statement-breakpoint
CREATE INDEX "beneficiary_categories_person_idx" ON "beneficiary_categories" USING btree ("beneficiary_id","category");--> statement-breakpoint
CREATE INDEX "beneficiary_categories_category_idx" ON "beneficiary_categories" USING btree ("category","beneficiary_id");--> statement-breakpoint
CREATE INDEX "beneficiary_consents_person_idx" ON "beneficiary_consents" USING btree ("beneficiary_id","recorded_on");--> statement-breakpoint
CREATE INDEX "beneficiary_household_person_idx" ON "beneficiary_household_members" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "beneficiary_household_member_idx" ON "beneficiary_household_members" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "beneficiary_risk_person_idx" ON "beneficiary_risk_assessments" USING btree ("beneficiary_id","assessed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "beneficiary_stations_uq" ON "beneficiary_stations" USING btree ("beneficiary_id","station_id") WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "beneficiary_stations_station_idx" ON "beneficiary_stations" USING btree ("station_id");--> statement-breakpoint
CREATE INDEX "beneficiary_stations_path_idx" ON "beneficiary_stations" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "beneficiary_stations_worker_idx" ON "beneficiary_stations" USING btree ("worker_id");