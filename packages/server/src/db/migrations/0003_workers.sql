CREATE TABLE "hiring_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"id_number" text NOT NULL,
	"reason" text NOT NULL,
	"division_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"training_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"hours" numeric(6, 1) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"organiser" text NOT NULL,
	"organiser_level" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"hours" numeric(6, 1) NOT NULL,
	"division_path" text NOT NULL,
	"organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"division_path" text NOT NULL,
	"name" text NOT NULL,
	"id_number" text NOT NULL,
	"birth_date" date NOT NULL,
	"gender" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"education" text NOT NULL,
	"major" text DEFAULT '' NOT NULL,
	"social_work_major" boolean DEFAULT false NOT NULL,
	"certificate_level" text,
	"certificate_number" text DEFAULT '' NOT NULL,
	"certificate_date" date,
	"local_hukou" boolean DEFAULT false NOT NULL,
	"hire_date" date NOT NULL,
	"role" text NOT NULL,
	"labour_contract_start" date,
	"labour_contract_end" date,
	"archive_kept" boolean DEFAULT false NOT NULL,
	"hiring_exception_reason" text,
	"filing_status" text DEFAULT 'draft' NOT NULL,
	"filing_comment" text DEFAULT '' NOT NULL,
	"filed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "hiring_exceptions_org_idx" ON "hiring_exceptions" USING btree ("organisation_id","id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendance_uq" ON "training_attendance" USING btree ("training_id","worker_id");--> statement-breakpoint
CREATE INDEX "training_attendance_worker_idx" ON "training_attendance" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "worker_assignments_worker_idx" ON "worker_assignments" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "worker_assignments_station_idx" ON "worker_assignments" USING btree ("station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workers_org_id_number_uq" ON "workers" USING btree ("organisation_id","id_number") WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "workers_path_idx" ON "workers" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "workers_org_idx" ON "workers" USING btree ("organisation_id");