import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PublicStationView } from '@shegong/shared';
import type { DivisionService } from '../divisions';
import type { StationLookup } from '../stations';

const query = z.strictObject({
  county: z
    .string()
    .regex(/^\d{12}$/, '应为 12 位区划代码')
    .optional(),
});

/** The public directory: operating stations only, institutional contact data only, no personal data. */
export function publicRoutes(app: FastifyInstance, stations: StationLookup, divisions: DivisionService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/public/stations',
    {
      config: { access: { public: true } },
      schema: { tags: ['公开信息'], summary: '运营中社工站公开目录（无需登录）', querystring: query },
    },
    async (req) => {
      const rows = await stations.operatingDirectory(req.query.county);
      const items: PublicStationView[] = rows.map((s) => ({
        id: s.id,
        name: s.name,
        countyName: divisions.find(s.countyCode)?.name ?? '',
        townshipName: divisions.find(s.townshipCode)?.name ?? '',
        address: s.address,
        phone: s.phone,
        openingHours: s.openingHours,
      }));
      return { items, total: items.length };
    },
  );
}
