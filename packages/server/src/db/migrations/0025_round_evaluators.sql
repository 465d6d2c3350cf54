CREATE TABLE "evaluation_round_evaluators" (
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_by" uuid,
	CONSTRAINT "evaluation_round_evaluators_round_id_user_id_pk" PRIMARY KEY("round_id","user_id")
);
--> statement-breakpoint
CREATE INDEX "evaluation_round_evaluators_user_idx" ON "evaluation_round_evaluators" USING btree ("user_id");--> statement-breakpoint
-- Foreign keys (docs/adr/0005-foreign-keys.md).
ALTER TABLE "evaluation_round_evaluators" ADD CONSTRAINT "evaluation_round_evaluators_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "evaluation_rounds"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "evaluation_round_evaluators" ADD CONSTRAINT "evaluation_round_evaluators_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "evaluation_round_evaluators" ADD CONSTRAINT "evaluation_round_evaluators_assigned_by_fk" FOREIGN KEY ("assigned_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
