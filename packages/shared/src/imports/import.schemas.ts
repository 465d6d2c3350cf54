import { z } from 'zod';

// The answer of every Excel/CSV import (roster, payroll, and every later one: beneficiaries …). One shape, so the one
// import component (web/components/excel-import.tsx) serves them all.

/** One problem in an uploaded sheet: where it is, the value as read, whose row it is, and what to do, in Chinese. */
export const importIssueSchema = z.object({
  /** The row number as the office sees it in Excel (the header row included). */
  row: z.number(),
  /** The template column (field) the problem is in, or '—' for the whole row/file. */
  column: z.string(),
  /** The header of the uploaded file that column was read from (may differ from `column`: a synonym, a manual map). */
  header: z.string().optional(),
  /** A short rule name (格式, 取值, 日期, 金额, 是/否, 必填, 唯一, GB 11643 …); requirement ids become clauses on screen. */
  rule: z.string(),
  /** What is wrong and what to do, in plain Chinese. */
  message: z.string(),
  /** The cell as read (e.g. `4.10928199001011E+17` for an ID typed into a number cell). */
  value: z.string().optional(),
  /** The person's name on that row, when the sheet has one. */
  name: z.string().optional(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

/** How one header of the uploaded file was understood. */
export const importColumnSchema = z.object({
  /** The header as written in the file (column letter when empty: `（第 F 列，无表头）`). */
  header: z.string(),
  /** The template column it was mapped to, or null when not recognised (ignored). */
  column: z.string().nullable(),
  /** exact: the template's own name; synonym: a known other name (入职日期 → 聘用日期); manual: mapped by the user. */
  how: z.enum(['exact', 'synonym', 'manual', 'ignored']),
});
export type ImportColumn = z.infer<typeof importColumnSchema>;

export const importResultSchema = z.object({
  dryRun: z.boolean(),
  /** Data rows read (empty rows skipped). */
  rows: z.number(),
  issues: z.array(importIssueSchema),
  committed: z.boolean(),
  /** Every header of the file and the column it was mapped to, in file order. */
  columns: z.array(importColumnSchema).default([]),
  /** The template's columns (in order) and which are required, so the page can offer them for manual mapping. */
  expected: z.array(z.object({ column: z.string(), required: z.boolean() })).default([]),
  /** Required template columns no header maps to; when non-empty no row was checked. */
  missing: z.array(z.string()).default([]),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/**
 * A manual column mapping sent with an upload (multipart field `mapping`, sent before the file): each file header
 * that the user mapped by hand → the template column. Overrides synonyms; a header mapped to '' is ignored.
 */
export const importMappingSchema = z.record(z.string().max(100), z.string().max(100));
export type ImportMapping = z.infer<typeof importMappingSchema>;
