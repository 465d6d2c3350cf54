CREATE TABLE "beneficiary_contacts" (
	"beneficiary_id" uuid PRIMARY KEY NOT NULL,
	"last_service_on" date,
	"last_visit_on" date
);
--> statement-breakpoint
CREATE TABLE "visit_intervals" (
	"risk_level" text PRIMARY KEY NOT NULL,
	"days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_month_stats" (
	"station_id" uuid NOT NULL,
	"month" date NOT NULL,
	"catalogue_code" text NOT NULL,
	"form" text NOT NULL,
	"division_path" text NOT NULL,
	"organisation_id" uuid,
	"domain_code" integer NOT NULL,
	"records" integer DEFAULT 0 NOT NULL,
	"person_services" integer DEFAULT 0 NOT NULL,
	"head_count" integer DEFAULT 0 NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "service_month_stats_station_id_month_catalogue_code_form_pk" PRIMARY KEY("station_id","month","catalogue_code","form")
);
--> statement-breakpoint
CREATE TABLE "service_people_months" (
	"station_id" uuid NOT NULL,
	"month" date NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"division_path" text NOT NULL,
	"organisation_id" uuid,
	CONSTRAINT "service_people_months_station_id_month_beneficiary_id_pk" PRIMARY KEY("station_id","month","beneficiary_id")
);
--> statement-breakpoint
CREATE TABLE "service_record_people" (
	"record_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"division_path" text NOT NULL,
	"served_on" date NOT NULL,
	CONSTRAINT "service_record_people_record_id_beneficiary_id_pk" PRIMARY KEY("record_id","beneficiary_id")
);
--> statement-breakpoint
CREATE TABLE "service_record_workers" (
	"record_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	CONSTRAINT "service_record_workers_record_id_worker_id_pk" PRIMARY KEY("record_id","worker_id")
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"division_path" text NOT NULL,
	"organisation_id" uuid,
	"served_on" date NOT NULL,
	"duration_minutes" integer NOT NULL,
	"form" text NOT NULL,
	"catalogue_code" text NOT NULL,
	"domain_code" integer NOT NULL,
	"case_id" uuid,
	"head_count" integer DEFAULT 0 NOT NULL,
	"people_count" integer DEFAULT 0 NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "case_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"title" text NOT NULL,
	"score_before" integer,
	"score_after" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"goal_id" uuid,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"division_path" text NOT NULL,
	"organisation_id" uuid,
	"beneficiary_id" uuid NOT NULL,
	"worker_id" uuid,
	"status" text DEFAULT 'intake' NOT NULL,
	"source" text NOT NULL,
	"opened_on" date NOT NULL,
	"intake_note" text DEFAULT '' NOT NULL,
	"needs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"risk_level" text,
	"strengths" text DEFAULT '' NOT NULL,
	"plan_approved_at" timestamp with time zone,
	"plan_approved_by" uuid,
	"closure_reason" text,
	"closure_note" text DEFAULT '' NOT NULL,
	"closed_on" date,
	"follow_up_on" date,
	"satisfaction" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "alert_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alert_id" uuid NOT NULL,
	"note" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"division_path" text NOT NULL,
	"organisation_id" uuid,
	"beneficiary_id" uuid,
	"service_record_id" uuid,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"raised_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"closing_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"division_path" text NOT NULL,
	"organisation_id" uuid,
	"beneficiary_id" uuid NOT NULL,
	"case_id" uuid,
	"service_record_id" uuid,
	"target" text NOT NULL,
	"agency" text DEFAULT '' NOT NULL,
	"submitted_on" date NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"decided_on" date,
	"amount_fen" bigint,
	"outcome" text DEFAULT '' NOT NULL,
	"consent_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "beneficiary_contacts_visit_idx" ON "beneficiary_contacts" USING btree ("last_visit_on");--> statement-breakpoint
CREATE INDEX "service_month_stats_path_idx" ON "service_month_stats" USING btree ("division_path" text_pattern_ops,"month");--> statement-breakpoint
CREATE INDEX "service_month_stats_org_idx" ON "service_month_stats" USING btree ("organisation_id","month");--> statement-breakpoint
CREATE INDEX "service_month_stats_item_idx" ON "service_month_stats" USING btree ("catalogue_code");--> statement-breakpoint
CREATE INDEX "service_people_months_path_idx" ON "service_people_months" USING btree ("division_path" text_pattern_ops,"month");--> statement-breakpoint
CREATE INDEX "service_people_months_person_idx" ON "service_people_months" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "service_people_months_org_idx" ON "service_people_months" USING btree ("organisation_id","month");--> statement-breakpoint
CREATE INDEX "service_record_people_person_idx" ON "service_record_people" USING btree ("beneficiary_id","served_on");--> statement-breakpoint
CREATE INDEX "service_record_people_station_idx" ON "service_record_people" USING btree ("station_id","served_on");--> statement-breakpoint
CREATE INDEX "service_record_workers_worker_idx" ON "service_record_workers" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "service_records_station_day_idx" ON "service_records" USING btree ("station_id","served_on");--> statement-breakpoint
CREATE INDEX "service_records_path_day_idx" ON "service_records" USING btree ("division_path" text_pattern_ops,"served_on");--> statement-breakpoint
CREATE INDEX "service_records_org_day_idx" ON "service_records" USING btree ("organisation_id","served_on");--> statement-breakpoint
CREATE INDEX "service_records_item_idx" ON "service_records" USING btree ("catalogue_code");--> statement-breakpoint
CREATE INDEX "service_records_case_idx" ON "service_records" USING btree ("case_id") WHERE case_id is not null;--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_goals_case_idx" ON "case_goals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_tasks_case_idx" ON "case_tasks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_tasks_goal_idx" ON "case_tasks" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "cases_station_status_idx" ON "cases" USING btree ("station_id","status");--> statement-breakpoint
CREATE INDEX "cases_path_idx" ON "cases" USING btree ("division_path" text_pattern_ops,"opened_on");--> statement-breakpoint
CREATE INDEX "cases_person_idx" ON "cases" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "cases_worker_idx" ON "cases" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "cases_org_idx" ON "cases" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "alert_actions_alert_idx" ON "alert_actions" USING btree ("alert_id","at");--> statement-breakpoint
CREATE INDEX "alerts_path_status_idx" ON "alerts" USING btree ("division_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "alerts_station_idx" ON "alerts" USING btree ("station_id","raised_at");--> statement-breakpoint
CREATE INDEX "alerts_person_idx" ON "alerts" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "alerts_org_idx" ON "alerts" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "alerts_record_idx" ON "alerts" USING btree ("service_record_id");--> statement-breakpoint
CREATE INDEX "referrals_path_idx" ON "referrals" USING btree ("division_path" text_pattern_ops,"submitted_on");--> statement-breakpoint
CREATE INDEX "referrals_station_idx" ON "referrals" USING btree ("station_id","submitted_on");--> statement-breakpoint
CREATE INDEX "referrals_person_idx" ON "referrals" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "referrals_org_idx" ON "referrals" USING btree ("organisation_id","submitted_on");--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referrals_record_idx" ON "referrals" USING btree ("service_record_id");--> statement-breakpoint
CREATE INDEX "referrals_consent_idx" ON "referrals" USING btree ("consent_id");