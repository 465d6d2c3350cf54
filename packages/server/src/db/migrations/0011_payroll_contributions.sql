ALTER TABLE "payroll_records" ADD COLUMN "insurance_base_fen" bigint;--> statement-breakpoint
ALTER TABLE "payroll_records" ADD COLUMN "employer_share_fen" bigint;--> statement-breakpoint
ALTER TABLE "payroll_records" ADD COLUMN "employee_share_fen" bigint;