CREATE TABLE "evaluation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"contract_id" uuid NOT NULL,
	"year_no" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"division_path" text NOT NULL,
	"county_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"set_id" uuid NOT NULL,
	"status" text DEFAULT 'scoring' NOT NULL,
	"evaluators" text DEFAULT '' NOT NULL,
	"visit_on" date,
	"visit_notes" text DEFAULT '' NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"total" double precision,
	"grade" text,
	"passed" boolean,
	"sample" jsonb,
	"signed_off_at" timestamp with time zone,
	"signed_off_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evaluation_scores" (
	"round_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"score" double precision,
	"suggested" double precision,
	"figure" jsonb,
	"reason" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "evaluation_scores_round_id_item_key_pk" PRIMARY KEY("round_id","item_key")
);
--> statement-breakpoint
CREATE TABLE "indicator_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"dimensions" jsonb NOT NULL,
	"bands" jsonb NOT NULL,
	"pass_line" double precision NOT NULL,
	"combination" jsonb NOT NULL,
	"adopted_at" timestamp with time zone,
	"adopted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rectifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"division_path" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"finding" text NOT NULL,
	"requirement" text DEFAULT '' NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"correction" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"return_comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "contract_evaluations" ADD COLUMN "source" text DEFAULT 'paper' NOT NULL;--> statement-breakpoint
ALTER TABLE "contract_evaluations" ADD COLUMN "score" double precision;--> statement-breakpoint
ALTER TABLE "contract_evaluations" ADD COLUMN "grade" text;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rounds_subject_uq" ON "evaluation_rounds" USING btree ("contract_id","year_no","kind");--> statement-breakpoint
CREATE INDEX "evaluation_rounds_path_idx" ON "evaluation_rounds" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "evaluation_rounds_org_idx" ON "evaluation_rounds" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "evaluation_rounds_set_idx" ON "evaluation_rounds" USING btree ("set_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_sets_family_version_uq" ON "indicator_sets" USING btree ("family_id","version_no");--> statement-breakpoint
CREATE INDEX "rectifications_round_idx" ON "rectifications" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "rectifications_contract_idx" ON "rectifications" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "rectifications_path_idx" ON "rectifications" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "rectifications_org_idx" ON "rectifications" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "rectifications_open_deadline_idx" ON "rectifications" USING btree ("deadline") WHERE "rectifications"."status" <> 'verified';--> statement-breakpoint
-- Foreign keys of the evaluation tables (docs/adr/0005-foreign-keys.md).
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_county_code_fk" FOREIGN KEY ("county_code") REFERENCES "divisions"("code") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_set_id_fk" FOREIGN KEY ("set_id") REFERENCES "indicator_sets"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_signed_off_by_fk" FOREIGN KEY ("signed_off_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "evaluation_rounds"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "indicator_sets" ADD CONSTRAINT "indicator_sets_adopted_by_fk" FOREIGN KEY ("adopted_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "indicator_sets" ADD CONSTRAINT "indicator_sets_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "indicator_sets" ADD CONSTRAINT "indicator_sets_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "evaluation_rounds"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_submitted_by_fk" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_verified_by_fk" FOREIGN KEY ("verified_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
