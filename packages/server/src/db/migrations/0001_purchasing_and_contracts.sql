CREATE TABLE "organisation_disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"year" integer,
	"file_ids" uuid[] DEFAULT '{}' NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"credit_code_valid" boolean NOT NULL,
	"credit_code_reason" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"registration_authority" text DEFAULT '' NOT NULL,
	"registered_on" date,
	"legal_representative" text DEFAULT '' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"business_scope" text DEFAULT '' NOT NULL,
	"social_work_in_scope" boolean NOT NULL,
	"grade" text,
	"grade_valid_until" date,
	"local" boolean NOT NULL,
	"division_code" text NOT NULL,
	"division_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "procurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" text NOT NULL,
	"division_path" text NOT NULL,
	"purchase_plan_id" uuid,
	"title" text NOT NULL,
	"service_content" text NOT NULL,
	"service_standards" text NOT NULL,
	"requirements" text NOT NULL,
	"method" text NOT NULL,
	"bidder_conditions" text NOT NULL,
	"budget_fen" bigint,
	"station_ids" uuid[] DEFAULT '{}' NOT NULL,
	"published_on" date NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"award_organisation_id" uuid,
	"award_amount_fen" bigint,
	"awarded_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "purchase_plan_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"action" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"user_id" uuid,
	"username" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purchase_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" text NOT NULL,
	"division_path" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"budget_fen" bigint,
	"purchase_method" text,
	"service_content" text DEFAULT '' NOT NULL,
	"schedule" text DEFAULT '' NOT NULL,
	"quality_standards" text DEFAULT '' NOT NULL,
	"quantity_standards" text DEFAULT '' NOT NULL,
	"performance_evaluation" text DEFAULT '' NOT NULL,
	"station_ids" uuid[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"filed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "contract_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"year_no" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"signed_on" date NOT NULL,
	"published_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "contract_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"year_no" integer NOT NULL,
	"result" text NOT NULL,
	"evaluated_on" date NOT NULL,
	"evaluator" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "contract_stations" (
	"contract_id" uuid NOT NULL,
	"station_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" text NOT NULL,
	"division_path" text NOT NULL,
	"purchaser_name" text NOT NULL,
	"procurement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"awarded_on" date NOT NULL,
	"signed_on" date NOT NULL,
	"published_on" date,
	"cycle_start" date NOT NULL,
	"cycle_end" date NOT NULL,
	"ends_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"terms" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "disclosures_org_idx" ON "organisation_disclosures" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_credit_code_uq" ON "organisations" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "organisations_path_idx" ON "organisations" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "procurements_path_idx" ON "procurements" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "purchase_plan_events_plan_idx" ON "purchase_plan_events" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "purchase_plans_path_idx" ON "purchase_plans" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "contract_agreements_year_uq" ON "contract_agreements" USING btree ("contract_id","year_no");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_evaluations_year_uq" ON "contract_evaluations" USING btree ("contract_id","year_no");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_stations_uq" ON "contract_stations" USING btree ("contract_id","station_id");--> statement-breakpoint
CREATE INDEX "contract_stations_station_idx" ON "contract_stations" USING btree ("station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_procurement_uq" ON "contracts" USING btree ("procurement_id");--> statement-breakpoint
CREATE INDEX "contracts_path_idx" ON "contracts" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "contracts_org_idx" ON "contracts" USING btree ("organisation_id");