CREATE TABLE "pre_award_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procurement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"county_code" text NOT NULL,
	"division_path" text NOT NULL,
	"agency" text NOT NULL,
	"evaluated_on" date NOT NULL,
	"qualification" jsonb NOT NULL,
	"management" jsonb NOT NULL,
	"talent" jsonb NOT NULL,
	"passed" boolean NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "pre_award_evaluations_uq" ON "pre_award_evaluations" USING btree ("procurement_id","organisation_id");--> statement-breakpoint
CREATE INDEX "pre_award_evaluations_path_idx" ON "pre_award_evaluations" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pre_award_evaluations_org_idx" ON "pre_award_evaluations" USING btree ("organisation_id");--> statement-breakpoint
-- Foreign keys (docs/adr/0005-foreign-keys.md).
ALTER TABLE "pre_award_evaluations" ADD CONSTRAINT "pre_award_evaluations_procurement_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "procurements"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "pre_award_evaluations" ADD CONSTRAINT "pre_award_evaluations_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "pre_award_evaluations" ADD CONSTRAINT "pre_award_evaluations_county_code_fk" FOREIGN KEY ("county_code") REFERENCES "divisions"("code") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "pre_award_evaluations" ADD CONSTRAINT "pre_award_evaluations_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "pre_award_evaluations" ADD CONSTRAINT "pre_award_evaluations_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
