CREATE TABLE "catalogue_items" (
	"code" text PRIMARY KEY NOT NULL,
	"domain_code" integer NOT NULL,
	"domain_name" text NOT NULL,
	"item_number" integer NOT NULL,
	"item_name" text NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "divisions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"parent_code" text,
	"path" text NOT NULL,
	"stats_county_code" text,
	"official" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"division_code" text NOT NULL,
	"year" integer NOT NULL,
	"target" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_data_loads" (
	"id" text PRIMARY KEY NOT NULL,
	"checksum" text NOT NULL,
	"rows" integer NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "user_stations" (
	"user_id" uuid NOT NULL,
	"station_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"division_code" text NOT NULL,
	"division_path" text NOT NULL,
	"organisation_id" uuid,
	"phone" text,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "county_centres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" text NOT NULL,
	"division_path" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"established_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "service_rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"division_path" text NOT NULL,
	"village_name" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"opened_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"township_code" text NOT NULL,
	"county_code" text NOT NULL,
	"division_path" text NOT NULL,
	"name" text NOT NULL,
	"batch_year" integer NOT NULL,
	"status" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"opening_hours" text DEFAULT '' NOT NULL,
	"longitude" numeric(9, 6),
	"latitude" numeric(9, 6),
	"office_area_m2" numeric(10, 2),
	"activity_area_m2" numeric(10, 2),
	"building_started_on" date,
	"opened_on" date,
	"suspended_on" date,
	"site" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"institutions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"signage_file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"username" text,
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"division_path" text,
	"summary" text DEFAULT '' NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"original_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"division_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE INDEX "divisions_path_idx" ON "divisions" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "divisions_parent_idx" ON "divisions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "plan_targets_division_year_idx" ON "plan_targets" USING btree ("division_code","year");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_stations_user_idx" ON "user_stations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_division_path_idx" ON "users" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "county_centres_county_uq" ON "county_centres" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "county_centres_path_idx" ON "county_centres" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "service_rooms_station_village_uq" ON "service_rooms" USING btree ("station_id","village_name");--> statement-breakpoint
CREATE INDEX "service_rooms_path_idx" ON "service_rooms" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "stations_township_uq" ON "stations" USING btree ("township_code");--> statement-breakpoint
CREATE INDEX "stations_division_path_idx" ON "stations" USING btree ("division_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "stations_status_year_idx" ON "stations" USING btree ("status","batch_year");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");