import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { progressQuerySchema, progressReportSchema } from '@shegong/shared';
import { requireActor } from '../../platform/auth/auth-plugin';
import { requestContext } from '../../platform/http/context';
import { fileResponse } from '../../platform/http/responses';
import { sendXlsx } from '../../platform/http/xlsx';
import type { ProgressService } from './progress.service';

export function progressRoutes(app: FastifyInstance, service: ProgressService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['建设进度'];
  r.get(
    '/api/v1/plan/progress',
    {
      config: { access: { permission: 'plan:read' } },
      schema: {
        tags,
        summary: '建设进度：计划与建成（按单位、年度）',
        querystring: progressQuerySchema,
        response: { 200: progressReportSchema },
      },
    },
    (req) => service.report(requireActor(req), req.query.county),
  );
  r.get(
    '/api/v1/plan/progress/export',
    {
      config: { access: { permission: 'plan:read' } },
      schema: {
        tags,
        summary: '导出建设进度（.xlsx）',
        querystring: progressQuerySchema,
        response: { 200: fileResponse('建设进度表（.xlsx）') },
      },
    },
    async (req, reply) => {
      return sendXlsx(
        reply,
        await service.exportWorkbook(requestContext(req), req.query.county),
        '社工站建设进度.xlsx',
      );
    },
  );
}
