import type { AttachmentView, RectificationView } from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import type { DivisionService } from '../divisions';
import type { OrganisationLookup } from '../organisations';
import { rectificationAbilities } from './rectifications.policy';
import type { RectificationRow } from './rectifications.repository';

export interface RectificationNameDeps {
  divisions: Pick<DivisionService, 'find'>;
  organisations: Pick<OrganisationLookup, 'names'>;
  titles(contractIds: string[]): Promise<Map<string, string>>;
  /** The evidence files of items, by item. */
  files(ids: string[]): Promise<Map<string, AttachmentView[]>>;
}

/** The names and files a page of items shows, read in three batches whatever the page's length. */
export async function namesFor(d: RectificationNameDeps, rows: RectificationRow[]) {
  const [titles, orgs, files] = await Promise.all([
    d.titles(rows.map((r) => r.item.contractId)),
    d.organisations.names(rows.map((r) => r.item.organisationId)),
    d.files(rows.map((r) => r.item.id)),
  ]);
  return {
    files: (r: RectificationRow) => files.get(r.item.id) ?? [],
    contract: (r: RectificationRow) => titles.get(r.item.contractId) ?? '',
    organisation: (r: RectificationRow) => orgs.get(r.item.organisationId) ?? '',
    /** The county-level unit the item's path runs through (`/city/county/township/`). */
    unit(r: RectificationRow): string {
      for (const code of r.item.divisionPath.split('/').filter(Boolean)) {
        const div = d.divisions.find(code);
        if (div?.level === 'county') return div.name;
      }
      return '';
    },
  };
}
export type RectificationNames = Awaited<ReturnType<typeof namesFor>>;

const day = (v: string) => String(v).slice(0, 10);
const DAY_MS = 86_400_000;

/** R-EVAL-4: whole days past the deadline while not verified, on the Clock's today; 0 on the deadline itself. */
export function overdueDays(deadline: string, status: RectificationRow['item']['status'], today: string): number {
  if (status === 'verified') return 0;
  const days = Math.round((Date.parse(today) - Date.parse(day(deadline))) / DAY_MS);
  return Math.max(0, days);
}

export function rectificationView(
  r: RectificationRow,
  actor: Actor,
  names: RectificationNames,
  today: string,
): RectificationView {
  const i = r.item;
  return {
    id: i.id,
    roundId: i.roundId,
    roundKind: r.roundKind,
    contractId: i.contractId,
    contractTitle: names.contract(r),
    organisationId: i.organisationId,
    organisationName: names.organisation(r),
    unitName: names.unit(r),
    yearNo: r.yearNo,
    finding: i.finding,
    requirement: i.requirement,
    deadline: day(i.deadline),
    status: i.status,
    overdueDays: overdueDays(i.deadline, i.status, today),
    correction: i.correction,
    submittedAt: i.submittedAt ? i.submittedAt.toISOString() : null,
    verifiedAt: i.verifiedAt ? i.verifiedAt.toISOString() : null,
    returnComment: i.returnComment,
    attachments: names.files(r),
    version: i.version,
    abilities: rectificationAbilities(actor, { roundKind: r.roundKind, status: i.status }),
  };
}
