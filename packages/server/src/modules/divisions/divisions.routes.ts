import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { divisionListSchema, divisionQuerySchema } from '@shegong/shared';
import { toDivision, type DivisionService } from './divisions.service';

// Divisions are public reference data (names and codes only), used by the public directory's filters too.
export function divisionRoutes(app: FastifyInstance, divisions: DivisionService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/divisions',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['区划'],
        summary: '行政区划（市、县（区）、乡镇（街道）；约百条参考数据，整表返回）',
        querystring: divisionQuerySchema,
        response: { 200: divisionListSchema },
      },
    },
    async (req) => ({ items: divisions.list(req.query).map(toDivision) }),
  );
}
