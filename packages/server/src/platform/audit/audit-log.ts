import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AuditAction, AuditEventView, AuditQuery } from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Actor } from '../auth/actor';
import { scopeCondition } from '../auth/scope';
import { containsPattern } from '../db/search';
import { pageOf, pageRows } from '../http/paging';
import { auditEvents } from './audit.table';

/**
 * The audit log as administrators read it: within their scope, filtered, newest first, one page at a time (a page and
 * a count over the same filter), never editable.
 */
export function createAuditLog(
  db: Db,
  /** The records' names for a page (one query, whatever the page holds), keyed `type:id`; from modules/audit. */
  namesOf: (events: { entityType: string | null; entityId: string | null }[]) => Promise<Map<string, string>> = () =>
    Promise.resolve(new Map()),
) {
  return {
    async list(actor: Actor, q: AuditQuery) {
      const scoped = scopeCondition(actor.scope, { divisionPath: auditEvents.divisionPath });
      // Events with no division (an unknown user's failed login) belong to the top level only.
      const conds: (SQL | undefined)[] = [
        actor.scope.path.split('/').length === 3 ? or(scoped, sql`${auditEvents.divisionPath} is null`) : scoped,
      ];
      if (q.action) conds.push(eq(auditEvents.action, q.action));
      if (q.entityType) conds.push(eq(auditEvents.entityType, q.entityType));
      if (q.username) conds.push(ilike(auditEvents.username, containsPattern(q.username)));
      if (q.from) conds.push(gte(auditEvents.at, new Date(`${q.from}T00:00:00+08:00`)));
      if (q.to) conds.push(lt(auditEvents.at, new Date(Date.parse(`${q.to}T00:00:00+08:00`) + 86_400_000)));
      const where = and(...conds);
      const page = db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.at), desc(auditEvents.id));
      const { items: rows, total } = await pageRows(page.$dynamic(), db.$count(auditEvents, where), q);
      const names = await namesOf(rows);
      const items: AuditEventView[] = rows.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        username: e.username,
        action: e.action as AuditAction,
        entityType: e.entityType,
        entityId: e.entityId,
        entityName: (e.entityType && e.entityId && names.get(`${e.entityType}:${e.entityId}`)) || null,
        summary: e.summary,
        before: e.before,
        after: e.after,
        ip: e.ip,
      }));
      return pageOf(items, total, q);
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
