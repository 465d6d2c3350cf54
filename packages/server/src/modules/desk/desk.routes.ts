import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { deskViewSchema } from '@shegong/shared';
import { requestContext } from '../../platform/http/context';
import type { DeskService } from './desk.service';

export function deskRoutes(app: FastifyInstance, desk: DeskService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/desk',
    {
      // Every signed-in role has a desk; what it shows follows the caller's permissions and scope.
      config: { access: { session: 'any' } },
      schema: {
        tags: ['工作台'],
        summary: '工作台：待办事项、关键指标和各单位排名（按角色和范围）',
        response: { 200: deskViewSchema },
      },
    },
    (req) => desk.view(requestContext(req)),
  );
}
