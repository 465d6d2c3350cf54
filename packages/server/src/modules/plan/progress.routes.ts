import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { progressQuerySchema } from '@shegong/shared';
import type { Db } from '../../db/database';
import { requireActor } from '../../platform/auth/auth-plugin';
import { writeAudit } from '../../platform/audit/audit';
import { requestContext } from '../../platform/http/context';
import { sendXlsx } from '../../platform/http/xlsx';
import type { DivisionService } from '../divisions';
import { progressWorkbook } from './progress.export';
import type { ProgressService } from './progress.service';

export function progressRoutes(app: FastifyInstance, service: ProgressService, divisions: DivisionService, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['建设进度'];
  r.get('/api/v1/plan/progress', { config: { access: { permission: 'plan:read' } }, schema: { tags, summary: '建设进度：计划与建成（按单位、年度）', querystring: progressQuerySchema } }, (req) =>
    service.report(requireActor(req), req.query.county),
  );
  r.get('/api/v1/plan/progress/export', { config: { access: { permission: 'plan:read' } }, schema: { tags, summary: '导出建设进度（.xlsx）', querystring: progressQuerySchema } }, async (req, reply) => {
    const ctx = requestContext(req);
    const report = await service.report(ctx.actor, req.query.county);
    const filterText = req.query.county ? `县（区）：${divisions.find(req.query.county)?.name}` : `范围：${divisions.find(ctx.actor.divisionCode)?.name ?? ''}`;
    const buf = await progressWorkbook(report, filterText);
    await writeAudit(db, ctx, { action: 'export', entityType: 'plan', summary: '导出建设进度表', after: { filters: req.query } });
    return sendXlsx(reply, buf, '社工站建设进度.xlsx');
  });
}
