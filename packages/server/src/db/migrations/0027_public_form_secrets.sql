CREATE TABLE "satisfaction_challenge_uses" (
	"nonce" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "evaluation_rounds_county_idx" ON "evaluation_rounds" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "pre_award_evaluations_county_idx" ON "pre_award_evaluations" USING btree ("county_code");