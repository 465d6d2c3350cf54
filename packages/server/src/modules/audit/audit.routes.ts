import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditQuerySchema, type AuditAction, type AuditEventView } from '@shegong/shared';
import type { Db } from '../../db/database';
import { requireActor } from '../../platform/auth/auth-plugin';
import { scopeCondition } from '../../platform/auth/scope';
import { auditEvents } from '../../platform/audit/audit.table';

/** Read-only view of the audit log; there is deliberately no route that changes it. */
export function auditRoutes(app: FastifyInstance, db: Db) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/audit-events',
    { config: { access: { permission: 'audit:read' } }, schema: { tags: ['审计日志'], summary: '审计日志（登录、失败登录、修改前后、导出），可筛选', querystring: auditQuerySchema } },
    async (req) => {
      const actor = requireActor(req);
      const q = req.query;
      const scoped = scopeCondition(actor.scope, { divisionPath: auditEvents.divisionPath });
      // Events with no division (an unknown user's failed login) belong to the top level only.
      const conds: (SQL | undefined)[] = [actor.scope.path.split('/').length === 3 ? or(scoped, sql`${auditEvents.divisionPath} is null`) : scoped];
      if (q.action) conds.push(eq(auditEvents.action, q.action));
      if (q.entityType) conds.push(eq(auditEvents.entityType, q.entityType));
      if (q.username) conds.push(ilike(auditEvents.username, `%${q.username}%`));
      if (q.from) conds.push(gte(auditEvents.at, new Date(`${q.from}T00:00:00+08:00`)));
      if (q.to) conds.push(lt(auditEvents.at, new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000)));
      const where = and(...conds);
      const [rows, [{ total }]] = await Promise.all([
        db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.at)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
        db.select({ total: count() }).from(auditEvents).where(where),
      ]);
      const items: AuditEventView[] = rows.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        username: e.username,
        action: e.action as AuditAction,
        entityType: e.entityType,
        entityId: e.entityId,
        summary: e.summary,
        before: e.before,
        after: e.after,
        ip: e.ip,
      }));
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  );
}
