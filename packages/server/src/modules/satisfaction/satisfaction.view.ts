import {
  maskName,
  maskPhone,
  type ComplaintView,
  type SatisfactionCallView,
  type SatisfactionResponseView,
  type SatisfactionSurveyView,
} from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import type { ComplaintRow } from './complaints.repository';
import type { ResponseRow } from './satisfaction.repository';
import type { CallRow, SurveyRow } from './satisfaction-surveys.repository';
import { complaintAbilities, seesContact, surveys } from './satisfaction.policy';

/** Names looked up once per set of rows. */
export interface Names {
  stations: Map<string, string>;
  organisations: Map<string, string>;
  users: Map<string, string>;
}

const nameIn = (m: Map<string, string>, id: string | null) => (id ? (m.get(id) ?? null) : null);

/** A contact as the reader may see it: nothing when anonymous, masked unless the reader is the project lead. */
function contactOf(actor: Actor, row: ResponseRow | ComplaintRow) {
  if (row.anonymous) return { anonymous: true, contactName: null, contactPhone: null };
  const clear = seesContact(actor, row);
  const name = row.contactName ?? '';
  const phone = row.contactPhone ?? '';
  return {
    anonymous: false,
    contactName: name ? (clear ? name : maskName(name)) : null,
    contactPhone: phone ? (clear ? phone : maskPhone(phone)) : null,
  };
}

/** Whether a view of this row shows a contact in clear (an audited read, R-SCOPE-2). */
export const clearContact = (actor: Actor, row: ResponseRow | ComplaintRow) =>
  !row.anonymous && seesContact(actor, row);

export function responseView(actor: Actor, row: ResponseRow, n: Names): SatisfactionResponseView {
  return {
    id: row.id,
    stationId: row.stationId,
    stationName: n.stations.get(row.stationId) ?? '',
    organisationName: nameIn(n.organisations, row.organisationId),
    channel: row.channel,
    answeredOn: String(row.answeredOn),
    overall: row.overall,
    attitude: row.attitude,
    timeliness: row.timeliness,
    effect: row.effect,
    comment: row.comment,
    ...contactOf(actor, row),
  };
}

export function complaintView(actor: Actor, row: ComplaintRow, n: Names): ComplaintView {
  return {
    id: row.id,
    stationId: row.stationId,
    stationName: n.stations.get(row.stationId) ?? '',
    organisationName: nameIn(n.organisations, row.organisationId),
    source: row.source,
    receivedOn: String(row.receivedOn),
    content: row.content,
    ...contactOf(actor, row),
    status: row.status,
    answer: row.answer,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    answeredByName: nameIn(n.users, row.answeredBy),
    closedAt: row.closedAt?.toISOString() ?? null,
    closedByName: nameIn(n.users, row.closedBy),
    version: row.version,
    abilities: complaintAbilities(actor, row.status),
  };
}

export function surveyView(
  actor: Actor,
  row: SurveyRow,
  counts: SatisfactionSurveyView['counts'],
  n: Names,
  calls?: SatisfactionCallView[],
): SatisfactionSurveyView {
  return {
    id: row.id,
    stationId: row.stationId,
    stationName: n.stations.get(row.stationId) ?? '',
    organisationName: nameIn(n.organisations, row.organisationId),
    periodStart: String(row.periodStart),
    periodEnd: String(row.periodEnd),
    seed: row.seed,
    poolSize: row.poolSize,
    sampleSize: row.sampleSize,
    counts,
    createdAt: row.createdAt.toISOString(),
    ...(calls ? { calls } : {}),
    abilities: { record: surveys(actor) },
  };
}

/** One drawn person as the surveyor sees them (name and phone, to call them). */
export function callView(
  row: CallRow,
  person: { name: string; phone: string | null } | undefined,
  overall: number | null,
): SatisfactionCallView {
  return {
    id: row.id,
    beneficiaryId: row.beneficiaryId,
    name: person?.name ?? '',
    phone: person?.phone ?? null,
    status: row.status,
    calledOn: row.calledOn ? String(row.calledOn) : null,
    note: row.note,
    overall,
    version: row.version,
  };
}
