import { ALERT_KIND_LABELS } from '@shegong/shared';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { AlertRaiser } from '../services';
import { alertsRepository as repo } from './alerts.repository';

/**
 * R-SVC-5: raises an alert at once, in the caller's transaction (a flagged service record's, or a direct flag's), with
 * its audit event there too. From that instant the project lead and the county officer see it (their scopes reach the
 * station) at login and on the 工作台; unacknowledged after ALERT_ACK_HOURS, the city does too.
 */
export function createAlertRaiser(d: { clock: Clock }): AlertRaiser {
  return {
    async raise(tx, ctx, input) {
      const by = ctx.actor?.userId ?? null;
      const row = await repo.insert(tx, {
        ...input,
        status: 'open',
        raisedAt: d.clock.now(),
        raisedBy: by,
        createdBy: by,
        updatedBy: by,
      });
      // The description is sensitive: the log names the kind only.
      await writeAudit(tx, ctx, {
        action: 'create',
        entityType: 'alert',
        entityId: row.id,
        divisionPath: row.divisionPath,
        summary: `发出预警：${ALERT_KIND_LABELS[row.kind]}`,
        after: { kind: row.kind, stationId: row.stationId, serviceRecordId: row.serviceRecordId },
      });
      return { id: row.id };
    },
  };
}
