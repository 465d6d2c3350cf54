import {
  ORGANISATION_TYPE_LABELS,
  organisationFindings,
  type AttachmentView,
  type DisclosureKind,
  type DisclosureView,
  type Grade,
  type OrganisationType,
  type OrganisationView,
  type PublicOrganisationView,
} from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import type { DisclosureRow } from './disclosures.repository';
import type { OrganisationRow } from './organisations.repository';
import { abilitiesOf } from './organisations.policy';

/** An organisation as its readers see it, with its standing findings (R-ORG-1) and what the reader may do. */
export function organisationView(
  o: OrganisationRow,
  actor: Actor | null,
  at: { today: string; divisionName: string },
): OrganisationView {
  const grade = o.grade as Grade | null;
  return {
    id: o.id,
    name: o.name,
    creditCode: o.creditCode,
    creditCodeValid: o.creditCodeValid,
    creditCodeReason: o.creditCodeReason,
    type: o.type as OrganisationType,
    registrationAuthority: o.registrationAuthority,
    registeredOn: o.registeredOn,
    legalRepresentative: o.legalRepresentative,
    contactName: o.contactName,
    contactPhone: o.contactPhone,
    address: o.address,
    businessScope: o.businessScope,
    socialWorkInScope: o.socialWorkInScope,
    grade,
    gradeValidUntil: o.gradeValidUntil,
    local: o.local,
    divisionCode: o.divisionCode,
    divisionName: at.divisionName,
    findings: organisationFindings({ ...o, grade }, at.today),
    version: o.version,
    abilities: abilitiesOf(actor, o),
  };
}

export const disclosureView = (d: DisclosureRow, files: AttachmentView[]): DisclosureView => ({
  id: d.id,
  organisationId: d.organisationId,
  kind: d.kind as DisclosureKind,
  title: d.title,
  content: d.content,
  year: d.year,
  files,
  publishedAt: d.publishedAt.toISOString(),
});

/** Disclosures grouped by organisation, each with its files (rows come newest first). */
export function disclosuresByOrganisation(rows: DisclosureRow[], filesOf: Map<string, AttachmentView[]>) {
  const out = new Map<string, DisclosureView[]>();
  for (const d of rows) {
    const list = out.get(d.organisationId) ?? [];
    list.push(disclosureView(d, filesOf.get(d.id) ?? []));
    out.set(d.organisationId, list);
  }
  return out;
}

type PublicRow = Omit<PublicOrganisationView, 'type' | 'grade' | 'typeLabel' | 'disclosures'> & {
  type: string;
  grade: string | null;
};
export const publicOrganisationView = (o: PublicRow, disclosures: DisclosureView[]): PublicOrganisationView => ({
  ...o,
  type: o.type as OrganisationType,
  grade: o.grade as Grade | null,
  typeLabel: ORGANISATION_TYPE_LABELS[o.type as OrganisationType],
  disclosures,
});
