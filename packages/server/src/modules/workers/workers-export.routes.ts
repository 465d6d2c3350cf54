import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { workerQuerySchema } from '@shegong/shared';
import { requestContext } from '../../platform/http/context';
import { fileResponse } from '../../platform/http/responses';
import { sendXlsx } from '../../platform/http/xlsx';
import type { StaffOverview } from './staff-overview';
import type { WorkerService } from './workers.service';

/** The roster and the staff overview as .xlsx, for the roles that export (same scope, filters and masking as on screen). */
export function workerExportRoutes(
  app: FastifyInstance,
  { workers, overview }: { workers: WorkerService; overview: StaffOverview },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['社工队伍'];
  const access = { access: { permission: 'export' as const } };
  r.get(
    '/api/v1/workers/export',
    {
      config: access,
      schema: {
        tags,
        summary: '导出社工名册（.xlsx，与列表相同的范围、筛选和脱敏）',
        querystring: workerQuerySchema,
        response: { 200: fileResponse('社工名册（.xlsx）') },
      },
    },
    async (req, reply) =>
      sendXlsx(reply, await workers.exportWorkbook(requestContext(req), req.query), '社工名册.xlsx'),
  );
  r.get(
    '/api/v1/workers/overview/export',
    {
      // The overview's own permission (officers, who all hold `export`): contractors neither see nor export it.
      config: { access: { permission: 'plan:read' } },
      schema: { tags, summary: '导出队伍概况（.xlsx）', response: { 200: fileResponse('队伍概况（.xlsx）') } },
    },
    async (req, reply) => sendXlsx(reply, await overview.exportWorkbook(requestContext(req)), '队伍概况.xlsx'),
  );
}
