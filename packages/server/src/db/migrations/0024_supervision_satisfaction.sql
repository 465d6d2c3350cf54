CREATE TABLE "supervision_attendees" (
	"session_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	CONSTRAINT "supervision_attendees_session_id_worker_id_pk" PRIMARY KEY("session_id","worker_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid,
	"organisation_id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"division_path" text NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"worker_id" uuid,
	"reviewer_name" text NOT NULL,
	"comment" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "supervision_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"division_path" text NOT NULL,
	"supervisor_name" text NOT NULL,
	"supervisor_kind" text NOT NULL,
	"held_on" date NOT NULL,
	"hours" double precision NOT NULL,
	"topics" text NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"division_path" text NOT NULL,
	"organisation_id" uuid,
	"source" text NOT NULL,
	"received_on" date NOT NULL,
	"content" text NOT NULL,
	"anonymous" boolean DEFAULT true NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"response_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "satisfaction_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"response_id" uuid,
	"called_on" date,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "satisfaction_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"division_path" text NOT NULL,
	"organisation_id" uuid,
	"channel" text NOT NULL,
	"answered_on" date NOT NULL,
	"overall" integer NOT NULL,
	"attitude" integer,
	"timeliness" integer,
	"effect" integer,
	"comment" text DEFAULT '' NOT NULL,
	"anonymous" boolean DEFAULT true NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "satisfaction_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"division_path" text NOT NULL,
	"organisation_id" uuid,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"seed" text NOT NULL,
	"pool_size" integer NOT NULL,
	"sample_size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "supervision_attendees_worker_idx" ON "supervision_attendees" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "supervision_reviews_path_idx" ON "supervision_reviews" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "supervision_reviews_org_idx" ON "supervision_reviews" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "supervision_reviews_station_idx" ON "supervision_reviews" USING btree ("station_id");--> statement-breakpoint
CREATE INDEX "supervision_reviews_worker_idx" ON "supervision_reviews" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "supervision_reviews_session_idx" ON "supervision_reviews" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "supervision_reviews_target_idx" ON "supervision_reviews" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "supervision_sessions_path_idx" ON "supervision_sessions" USING btree ("division_path" text_pattern_ops,"held_on");--> statement-breakpoint
CREATE INDEX "supervision_sessions_org_idx" ON "supervision_sessions" USING btree ("organisation_id","held_on");--> statement-breakpoint
CREATE INDEX "supervision_sessions_station_idx" ON "supervision_sessions" USING btree ("station_id");--> statement-breakpoint
CREATE INDEX "complaints_path_idx" ON "complaints" USING btree ("division_path" text_pattern_ops,"received_on");--> statement-breakpoint
CREATE INDEX "complaints_station_idx" ON "complaints" USING btree ("station_id");--> statement-breakpoint
CREATE INDEX "complaints_org_idx" ON "complaints" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "complaints_response_idx" ON "complaints" USING btree ("response_id");--> statement-breakpoint
CREATE INDEX "satisfaction_calls_survey_idx" ON "satisfaction_calls" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "satisfaction_calls_beneficiary_idx" ON "satisfaction_calls" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "satisfaction_calls_response_idx" ON "satisfaction_calls" USING btree ("response_id");--> statement-breakpoint
CREATE INDEX "satisfaction_responses_path_idx" ON "satisfaction_responses" USING btree ("division_path" text_pattern_ops,"answered_on");--> statement-breakpoint
CREATE INDEX "satisfaction_responses_station_idx" ON "satisfaction_responses" USING btree ("station_id","answered_on");--> statement-breakpoint
CREATE INDEX "satisfaction_responses_org_idx" ON "satisfaction_responses" USING btree ("organisation_id","answered_on");--> statement-breakpoint
CREATE INDEX "satisfaction_surveys_path_idx" ON "satisfaction_surveys" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "satisfaction_surveys_station_idx" ON "satisfaction_surveys" USING btree ("station_id");--> statement-breakpoint
CREATE INDEX "satisfaction_surveys_org_idx" ON "satisfaction_surveys" USING btree ("organisation_id");--> statement-breakpoint
-- Foreign keys (docs/adr/0005-foreign-keys.md). A reviewed record (supervision_reviews.target_id) names a case or a
-- service record by kind, so it has none: the service checks it in scope when the review is made.
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_station_id_fk" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "supervision_attendees" ADD CONSTRAINT "supervision_attendees_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "supervision_sessions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "supervision_attendees" ADD CONSTRAINT "supervision_attendees_worker_id_fk" FOREIGN KEY ("worker_id") REFERENCES "workers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "supervision_reviews" ADD CONSTRAINT "supervision_reviews_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "supervision_sessions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "supervision_reviews" ADD CONSTRAINT "supervision_reviews_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "supervision_reviews" ADD CONSTRAINT "supervision_reviews_station_id_fk" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "supervision_reviews" ADD CONSTRAINT "supervision_reviews_worker_id_fk" FOREIGN KEY ("worker_id") REFERENCES "workers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "supervision_reviews" ADD CONSTRAINT "supervision_reviews_answered_by_fk" FOREIGN KEY ("answered_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "supervision_reviews" ADD CONSTRAINT "supervision_reviews_closed_by_fk" FOREIGN KEY ("closed_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "supervision_reviews" ADD CONSTRAINT "supervision_reviews_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "supervision_reviews" ADD CONSTRAINT "supervision_reviews_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "satisfaction_responses" ADD CONSTRAINT "satisfaction_responses_station_id_fk" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "satisfaction_responses" ADD CONSTRAINT "satisfaction_responses_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "satisfaction_responses" ADD CONSTRAINT "satisfaction_responses_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_station_id_fk" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "satisfaction_calls" ADD CONSTRAINT "satisfaction_calls_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "satisfaction_surveys"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "satisfaction_calls" ADD CONSTRAINT "satisfaction_calls_beneficiary_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "beneficiaries"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "satisfaction_calls" ADD CONSTRAINT "satisfaction_calls_response_id_fk" FOREIGN KEY ("response_id") REFERENCES "satisfaction_responses"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "satisfaction_calls" ADD CONSTRAINT "satisfaction_calls_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_station_id_fk" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_response_id_fk" FOREIGN KEY ("response_id") REFERENCES "satisfaction_responses"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_answered_by_fk" FOREIGN KEY ("answered_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_closed_by_fk" FOREIGN KEY ("closed_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
