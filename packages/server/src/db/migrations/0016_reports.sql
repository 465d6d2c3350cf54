CREATE TABLE "commendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_key" text NOT NULL,
	"unit_code" text NOT NULL,
	"division_path" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "report_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"narrative" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"accepted_on" date,
	"reopened_at" timestamp with time zone NOT NULL,
	"reopened_by" uuid,
	"reopen_reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_settings" (
	"city_code" text PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"period_key" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_on" date NOT NULL,
	"division_path" text NOT NULL,
	"station_id" uuid,
	"organisation_id" uuid,
	"contract_id" uuid,
	"agreement_year" integer,
	"unit_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"narrative" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"figures" jsonb,
	"first_submitted_at" timestamp with time zone,
	"first_submitted_on" date,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"accepted_on" date,
	"return_comment" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "commendations_uq" ON "commendations" USING btree ("period_key","unit_code");--> statement-breakpoint
CREATE INDEX "commendations_unit_idx" ON "commendations" USING btree ("unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "report_revisions_uq" ON "report_revisions" USING btree ("report_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_subject_period_uq" ON "reports" USING btree ("kind","subject_key","period_key");--> statement-breakpoint
CREATE INDEX "reports_path_idx" ON "reports" USING btree ("division_path" text_pattern_ops,"period_start");--> statement-breakpoint
CREATE INDEX "reports_org_idx" ON "reports" USING btree ("organisation_id","period_start");--> statement-breakpoint
CREATE INDEX "reports_station_idx" ON "reports" USING btree ("station_id","period_start");--> statement-breakpoint
CREATE INDEX "reports_contract_idx" ON "reports" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "reports_unit_idx" ON "reports" USING btree ("unit_code","period_start");--> statement-breakpoint
CREATE INDEX "reports_due_idx" ON "reports" USING btree ("due_on") WHERE "reports"."first_submitted_at" is null;