import { and, desc, eq, type Placeholder } from 'drizzle-orm';
import type { AuditAction, AuditEntityType, AuditEventView } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../auth/actor';
import { auditEvents } from './audit.table';
import { redactText, redactValue } from './redact';

/** Who did it and from where; services receive it from the route. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  requestId: string;
}

export interface AuditInput {
  action: AuditAction;
  entityType?: AuditEntityType;
  entityId?: string;
  divisionPath?: string;
  summary: string;
  before?: unknown;
  after?: unknown;
  /** For events without a logged-in actor (a failed login names the attempted user). */
  username?: string;
  userId?: string;
}

/**
 * Writes an audit event; call it with the same transaction as the change it records (DESIGN §4). Personal data in the
 * summary and the before/after payloads is masked here, whatever the caller passed (R-SCOPE-2).
 */
export async function writeAudit(db: DbOrTx, ctx: RequestContext, e: AuditInput): Promise<void> {
  await auditInsert(db, auditRow(ctx, e));
}

/** An audit event's row, masked as `writeAudit` masks it. */
export function auditRow(ctx: RequestContext, e: AuditInput) {
  return {
    userId: e.userId ?? ctx.actor?.userId ?? null,
    username: e.username ?? ctx.actor?.username ?? null,
    action: e.action,
    entityType: e.entityType ?? null,
    entityId: e.entityId ?? null,
    divisionPath: e.divisionPath ?? null,
    summary: redactText(e.summary),
    before: e.before === undefined ? null : redactValue(e.before),
    after: e.after === undefined ? null : redactValue(e.after),
    ip: ctx.ip,
    requestId: ctx.requestId,
  };
}
export type AuditRow = ReturnType<typeof auditRow>;

/**
 * The insert of an audit row (`auditRow`), not yet run: a change written in one statement makes it a step of its WITH
 * clause, its fields values or a prepared statement's placeholders (the event commits with the change all the same).
 */
export function auditInsert(db: DbOrTx, row: { [K in keyof AuditRow]: AuditRow[K] | Placeholder }) {
  return db.insert(auditEvents).values(row);
}

/** The fields that changed, as before/after objects, so the log shows just the difference. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}

/** A record's history from the audit log, newest first; the caller has already checked the record's scope. */
export async function historyOf(db: DbOrTx, entityType: string, entityId: string): Promise<AuditEventView[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.at))
    .limit(200);
  return rows.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    username: e.username,
    action: e.action as AuditAction,
    entityType: e.entityType,
    entityId: e.entityId,
    entityName: null,
    summary: e.summary,
    before: e.before,
    after: e.after,
    ip: null,
  }));
}
