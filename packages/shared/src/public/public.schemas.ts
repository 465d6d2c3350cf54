import { z } from 'zod';
import { pageQuery } from '../common';
import { divisionCodeSchema } from '../divisions/divisions.schemas';

// The station directory's view (publicStationViewSchema) sits with the stations' schemas.

/** `?county=&page=&pageSize=` of the public station directory (89 stations: a page of up to 200 shows them all). */
export const publicStationQuerySchema = z.strictObject({
  county: divisionCodeSchema.optional(),
  ...pageQuery,
});
export type PublicStationQuery = z.infer<typeof publicStationQuerySchema>;
