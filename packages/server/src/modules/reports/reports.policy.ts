import { REPORT_AUTHOR, REPORT_RECEIVER, isOrganisationRole, type ReportLevel } from '@shegong/shared';
import { can, type Actor } from '../../platform/auth/actor';
import type { ReportRow } from './reports.repository';

/** The level an actor reports at: contractor staff, a unit's officers, the city's; others write and receive none. */
export function actorLevel(actor: Actor): ReportLevel | null {
  if (isOrganisationRole(actor.role)) return 'contractor';
  if (actor.role === 'county_admin' || actor.role === 'county_officer') return 'county';
  if (actor.role === 'city_admin' || actor.role === 'city_officer') return 'city';
  return null;
}

/**
 * Who may do what with a report already read through the caller's scope (R-REP-1…3): the level that owes it writes
 * and submits it while it is a draft or returned; the level it goes to accepts or returns it once submitted; an
 * accepted report (or the city's, once sent to the province) is locked until a correction reopens it, which its
 * author or its receiver may ask for, with a reason.
 */
export function reportAbilities(actor: Actor, r: Pick<ReportRow, 'kind' | 'status'>) {
  const level = actorLevel(actor);
  const author = level !== null && REPORT_AUTHOR[r.kind] === level && can(actor, 'reports:write');
  const receiver = level !== null && REPORT_RECEIVER[r.kind] === level && can(actor, 'reports:review');
  const open = r.status === 'draft' || r.status === 'returned';
  const final = r.status === 'accepted' || (r.kind === 'city_half_year' && r.status === 'submitted');
  return {
    edit: author && open,
    submit: author && open,
    accept: receiver && r.status === 'submitted',
    return: receiver && r.status === 'submitted',
    reopen:
      final &&
      (author || receiver || (r.kind === 'city_half_year' && level === 'city' && can(actor, 'reports:review'))),
    export: can(actor, 'reports:read'),
  };
}
export type ReportAbilities = ReturnType<typeof reportAbilities>;

/** Whether a step on the report is the actor's level's to take at all (else it is refused as forbidden, not as a state). */
export function concerns(actor: Actor, r: Pick<ReportRow, 'kind'>, may: keyof ReportAbilities): boolean {
  const level = actorLevel(actor);
  const author = level !== null && REPORT_AUTHOR[r.kind] === level;
  const receiver =
    level !== null && (REPORT_RECEIVER[r.kind] === level || (r.kind === 'city_half_year' && level === 'city'));
  if (may === 'edit' || may === 'submit') return author;
  if (may === 'accept' || may === 'return') return receiver;
  return author || receiver;
}
