CREATE TABLE "payroll_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"month" text NOT NULL,
	"salary_fen" bigint,
	"paid_on" date,
	"pension" boolean DEFAULT false NOT NULL,
	"medical" boolean DEFAULT false NOT NULL,
	"unemployment" boolean DEFAULT false NOT NULL,
	"injury" boolean DEFAULT false NOT NULL,
	"maternity" boolean DEFAULT false NOT NULL,
	"housing_fund" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE UNIQUE INDEX "payroll_worker_month_uq" ON "payroll_records" USING btree ("worker_id","month");--> statement-breakpoint
CREATE INDEX "payroll_org_month_idx" ON "payroll_records" USING btree ("organisation_id","month");