import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEventViewSchema, auditQuerySchema, pagedSchema } from '@shegong/shared';
import { requireActor } from '../../platform/auth/auth-plugin';
import type { AuditLog } from '../../platform/audit/audit-log';

/** Read-only view of the audit log; there is deliberately no route that changes it. */
export function auditRoutes(app: FastifyInstance, { log }: { log: AuditLog }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/audit-events',
    {
      config: { access: { permission: 'audit:read' } },
      schema: {
        tags: ['审计日志'],
        summary: '审计日志（登录、失败登录、修改前后、导出、明文读取），可筛选，分页',
        querystring: auditQuerySchema,
        response: { 200: pagedSchema(auditEventViewSchema) },
      },
    },
    (req) => log.list(requireActor(req), req.query),
  );
}
