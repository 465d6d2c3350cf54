import { can, type Actor } from '../../platform/auth/actor';
import { atCity } from './alerts.repository';

// Who may do what with one alert (R-SVC-5, R-SCOPE-2). Alerts reach these checks already scoped by the repository.

/** The facts of an alert the policy needs. */
export interface AlertFacts {
  raisedBy: string | null;
  status: 'open' | 'acknowledged' | 'closed';
  escalated: boolean;
  /** The worker responsible for the person at the alert's station (the case worker), if any. */
  workerId: string | null;
}

/**
 * R-SCOPE-2 / R-SVC-5: the description and the actions (abuse, violence) are shown in clear to whoever raised it, the
 * person's responsible (case) worker, the project lead and the county officer (`beneficiaries:sensitive`), and — once
 * escalated, when it must act — the city's officers who handle alerts. Everyone else in scope sees kind, station,
 * status and times. Every clear read is audited.
 */
export function seesDetails(actor: Actor, a: AlertFacts): boolean {
  if (a.raisedBy && a.raisedBy === actor.userId) return true;
  if (actor.workerId && a.workerId === actor.workerId) return true;
  if (can(actor, 'beneficiaries:sensitive')) return true;
  return atCity(actor) && a.escalated && can(actor, 'alerts:handle');
}

/** Acknowledge, record actions, close: the project lead and the county (alerts:handle); the city once escalated. */
export function canHandle(actor: Actor, a: AlertFacts): boolean {
  if (!can(actor, 'alerts:handle')) return false;
  return !atCity(actor) || a.escalated;
}

export function abilitiesOf(actor: Actor, a: AlertFacts) {
  const handle = canHandle(actor, a);
  return {
    acknowledge: handle && a.status === 'open',
    act: handle && a.status !== 'closed',
    close: handle && a.status !== 'closed',
  };
}
