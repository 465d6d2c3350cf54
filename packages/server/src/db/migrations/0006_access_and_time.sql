CREATE TABLE "login_failures" (
	"username" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "workers_org_id_number_uq";--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "organiser_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "organiser_confirmed_by" text;--> statement-breakpoint
CREATE UNIQUE INDEX "workers_id_number_uq" ON "workers" USING btree ("id_number") WHERE archived_at is null;--> statement-breakpoint
-- R-STAFF-3: officers' own training records count as confirmed; contractors' records wait for an officer.
UPDATE "trainings" SET "organiser_confirmed_at" = "created_at", "organiser_confirmed_by" = '民政部门登记' WHERE "organisation_id" IS NULL;
