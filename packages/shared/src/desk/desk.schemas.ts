import { z } from 'zod';

// 工作台 (`GET /desk`): what waits on the signed-in user, the key figures of their scope and, for the city, the units
// ranked. Units only, never individual workers (a worker ranking is out of scope by the plan's own terms).

export const DESK_ITEM_KINDS = [
  'stations_noncompliant',
  'filings_to_approve',
  'filings_returned',
  'filings_to_submit',
  'plans_to_file',
  'plans_to_submit',
  'contracts_ending',
  'evaluations_missing',
  'agreements_unpublished',
  'payroll_missing',
  'qualification_due',
  'qualification_overdue',
  'trainings_to_confirm',
  'trainings_unconfirmed',
] as const;
export type DeskItemKind = (typeof DESK_ITEM_KINDS)[number];

/** One to-do: how many, what, where to go (a record when there is one, else the list), the plan's clause. */
export const deskItemSchema = z.object({
  kind: z.enum(DESK_ITEM_KINDS),
  count: z.number().int().positive(),
  title: z.string(),
  detail: z.string(),
  link: z.string(),
  /** 《实施方案》 clause the duty comes from (never a rule id). */
  clause: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
});
export type DeskItem = z.infer<typeof deskItemSchema>;

export const deskFiguresSchema = z.object({
  /** Stations built (operating or suspended) and, for officers, the 附件1 plan and the rate (null without a plan). */
  stationsBuilt: z.number().int(),
  stationsPlanned: z.number().int().nullable(),
  buildPercent: z.number().nullable(),
  workers: z.number().int(),
  qualified: z.number().int(),
  qualifiedPercent: z.number().nullable(),
  /** Signed agreements' amounts in the current year, in fen. */
  contractAmountFen: z.number(),
  year: z.number().int(),
});
export type DeskFigures = z.infer<typeof deskFiguresSchema>;

export const deskUnitSchema = z.object({
  countyCode: z.string(),
  countyName: z.string(),
  built: z.number().int(),
  planned: z.number().int(),
  buildPercent: z.number().nullable(),
  workers: z.number().int(),
  qualified: z.number().int(),
  qualifiedPercent: z.number().nullable(),
});
export type DeskUnit = z.infer<typeof deskUnitSchema>;

export const deskViewSchema = z.object({
  today: z.string(),
  items: z.array(deskItemSchema),
  figures: deskFiguresSchema.nullable(),
  /** The city's units by construction completion and by share of qualified workers; empty below the city. */
  ranking: z.object({ byBuild: z.array(deskUnitSchema), byQualified: z.array(deskUnitSchema) }),
});
export type DeskView = z.infer<typeof deskViewSchema>;
