import { ALERT_ACK_HOURS, maskName, type AlertListItem, type AlertView } from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import type { AlertActionRow, AlertRow } from './alerts.repository';
import { abilitiesOf, type AlertFacts } from './alerts.policy';

/** What the views of a set of alerts need besides their rows (looked up once per set). */
export interface AlertContext {
  now: Date;
  stationNames: Map<string, string>;
  userNames: Map<string, string>;
  /** The person and their responsible worker at the alert's station, keyed `beneficiaryId:stationId`. */
  people: Map<string, { name: string; workerId: string | null }>;
}

const HOUR = 3600_000;

/** R-SVC-5: not acknowledged within ALERT_ACK_HOURS (now, or by when it was acknowledged). The same rule as `escalatedSql`. */
export function isEscalated(row: AlertRow, now: Date): boolean {
  const by = row.acknowledgedAt ?? now;
  return by.getTime() > row.raisedAt.getTime() + ALERT_ACK_HOURS * HOUR;
}

export function factsOf(row: AlertRow, ctx: AlertContext): AlertFacts {
  const person = row.beneficiaryId ? ctx.people.get(`${row.beneficiaryId}:${row.stationId}`) : undefined;
  return {
    raisedBy: row.raisedBy,
    status: row.status,
    escalated: isEscalated(row, ctx.now),
    workerId: person?.workerId ?? null,
  };
}

const nameOf = (ctx: AlertContext, id: string | null) => (id ? (ctx.userNames.get(id) ?? null) : null);

/** A row of the list: never the description; the person's name in clear for station and organisation staff only. */
export function alertListItem(row: AlertRow, actor: Actor, ctx: AlertContext, clearName = false): AlertListItem {
  const person = row.beneficiaryId ? ctx.people.get(`${row.beneficiaryId}:${row.stationId}`) : undefined;
  const name = person ? (clearName || actor.scope.kind !== 'division' ? person.name : maskName(person.name)) : null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    stationId: row.stationId,
    stationName: ctx.stationNames.get(row.stationId) ?? '',
    beneficiaryId: row.beneficiaryId,
    beneficiaryName: name,
    serviceRecordId: row.serviceRecordId,
    raisedAt: row.raisedAt.toISOString(),
    raisedByName: nameOf(ctx, row.raisedBy),
    acknowledgeBy: new Date(row.raisedAt.getTime() + ALERT_ACK_HOURS * HOUR).toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    minutesToAcknowledge: row.acknowledgedAt
      ? Math.round((row.acknowledgedAt.getTime() - row.raisedAt.getTime()) / 60_000)
      : null,
    closedAt: row.closedAt?.toISOString() ?? null,
    escalated: isEscalated(row, ctx.now),
  };
}

/** One alert: the details only when `details` is given (the caller has checked `seesDetails` and audits the read). */
export function alertView(row: AlertRow, actor: Actor, ctx: AlertContext, details: AlertActionRow[] | null): AlertView {
  return {
    ...alertListItem(row, actor, ctx, !!details),
    details: details && {
      description: row.description,
      closingNote: row.closingNote,
      actions: details.map((a) => ({
        id: a.id,
        note: a.note,
        at: a.at.toISOString(),
        byName: nameOf(ctx, a.createdBy),
      })),
    },
    acknowledgedByName: nameOf(ctx, row.acknowledgedBy),
    closedByName: nameOf(ctx, row.closedBy),
    abilities: abilitiesOf(actor, factsOf(row, ctx)),
  };
}
