import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pagedSchema, publicStationQuerySchema, publicStationViewSchema } from '@shegong/shared';
import type { PublicDirectory } from './public.service';

/** The public directory: operating stations only, institutional contact data only, no personal data. */
export function publicRoutes(app: FastifyInstance, { directory }: { directory: PublicDirectory }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/public/stations',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['公开信息'],
        summary: '运营中社工站公开目录（无需登录，分页，每页至多 200 个）',
        querystring: publicStationQuerySchema,
        response: { 200: pagedSchema(publicStationViewSchema) },
      },
    },
    (req) => directory.stations(req.query),
  );
}
