ALTER TABLE "worker_assignments" ADD COLUMN "division_path" text;--> statement-breakpoint
UPDATE "worker_assignments" a SET "division_path" = s."division_path" FROM "stations" s WHERE s."id" = a."station_id";--> statement-breakpoint
ALTER TABLE "worker_assignments" ALTER COLUMN "division_path" SET NOT NULL;--> statement-breakpoint
-- Where a worker is counted today is now derived from today's assignment when read; the column keeps the employer's path.
UPDATE "workers" w SET "division_path" = o."division_path" FROM "organisations" o WHERE o."id" = w."organisation_id";
