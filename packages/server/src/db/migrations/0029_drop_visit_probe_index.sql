-- Visit completion reads the stored visit days (0028, ADR 0016): the partial index for per-person probes has no reader
-- left, and every home visit paid for its upkeep.
DROP INDEX "service_record_people_visit_idx";
