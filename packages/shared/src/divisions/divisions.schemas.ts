import { z } from 'zod';

export const DIVISION_LEVELS = ['city', 'county', 'township'] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

export const divisionCodeSchema = z.string().regex(/^\d{12}$/, '应为 12 位区划代码');

export const divisionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(DIVISION_LEVELS),
  kind: z.string(),
  parentCode: z.string().nullable(),
  /** NBS county code the township is filed under in statistics; differs from the management unit for 示范区. */
  statsCountyCode: z.string().nullable(),
  official: z.boolean(),
});
export type Division = z.infer<typeof divisionSchema>;

export const divisionQuerySchema = z.strictObject({
  parent: divisionCodeSchema.optional(),
  level: z.enum(DIVISION_LEVELS).optional(),
});
export type DivisionQuery = z.infer<typeof divisionQuerySchema>;

/** GET /divisions: the whole tree is ≈ 100 rows of reference data, answered in one piece (`{ items }`). */
export const divisionListSchema = z.object({ items: z.array(divisionSchema) });
