import type { EvaluationKind, Permission, SessionUser } from '@shegong/shared';

/**
 * The kinds of round a user may open (五（三）, 六（六）): the county's officers 中期 and 末期, the city's 抽查, the
 * contractor's admin and project lead 自评. The server decides again; this only chooses the buttons and options.
 */
export function openableKinds(user: SessionUser | null, can: (p: Permission) => boolean): EvaluationKind[] {
  if (!user) return [];
  const role = user.role;
  if ((role === 'county_admin' || role === 'county_officer') && can('evaluations:score')) return ['midterm', 'final'];
  if ((role === 'city_admin' || role === 'city_officer') && can('evaluations:score')) return ['spot_check'];
  if ((role === 'org_admin' || role === 'project_lead') && can('evaluations:self')) return ['self_assessment'];
  return [];
}
