import type { SupervisionReviewView, SupervisionSessionView } from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import type { OrganisationLookup } from '../organisations';
import type { StationLookup } from '../stations';
import type { WorkerLookup } from '../workers';
import { recordsSupervision, reviewAbilities } from './supervision.policy';
import type { SessionRow } from './supervision.repository';
import type { ReviewRow } from './supervision-reviews.repository';

export interface SupervisionNameDeps {
  stations: Pick<StationLookup, 'summaries'>;
  organisations: Pick<OrganisationLookup, 'names'>;
  workers: Pick<WorkerLookup, 'names'>;
}

/** The names a page shows (stations, organisations, workers), read in three batches whatever the page's length. */
export async function namesFor(
  d: SupervisionNameDeps,
  rows: { stationId: string; organisationId: string }[],
  workerIds: (string | null)[],
) {
  const [stations, orgs, workers] = await Promise.all([
    d.stations.summaries(rows.map((r) => r.stationId)),
    d.organisations.names(rows.map((r) => r.organisationId).filter(Boolean)),
    d.workers.names(workerIds.filter((w): w is string => !!w)),
  ]);
  const stationNames = new Map(stations.map((s) => [s.id, s.name]));
  return {
    station: (id: string) => stationNames.get(id) ?? '',
    organisation: (id: string) => orgs.get(id) ?? '',
    worker: (id: string | null) => (id ? (workers.get(id) ?? '') : ''),
  };
}
export type SupervisionNames = Awaited<ReturnType<typeof namesFor>>;

const day = (v: string) => String(v).slice(0, 10);
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');

export function sessionView(
  s: SessionRow,
  workerIds: string[],
  actor: Actor,
  names: SupervisionNames,
): SupervisionSessionView {
  return {
    id: s.id,
    organisationId: s.organisationId,
    organisationName: names.organisation(s.organisationId),
    stationId: s.stationId,
    stationName: names.station(s.stationId),
    supervisorName: s.supervisorName,
    supervisorKind: s.supervisorKind,
    heldOn: day(s.heldOn),
    hours: s.hours,
    topics: s.topics,
    followUp: s.followUp,
    workers: workerIds.map((id) => ({ id, name: names.worker(id) })).sort(byName),
    createdAt: s.createdAt.toISOString(),
    version: s.version,
    abilities: { review: recordsSupervision(actor) },
  };
}

export function reviewView(r: ReviewRow, actor: Actor, names: SupervisionNames): SupervisionReviewView {
  return {
    id: r.id,
    sessionId: r.sessionId,
    organisationId: r.organisationId,
    organisationName: names.organisation(r.organisationId),
    stationId: r.stationId,
    stationName: names.station(r.stationId),
    targetKind: r.targetKind,
    targetId: r.targetId,
    workerId: r.workerId,
    workerName: names.worker(r.workerId),
    reviewerName: r.reviewerName,
    comment: r.comment,
    status: r.status,
    answer: r.answer,
    createdAt: r.createdAt.toISOString(),
    answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
    closedAt: r.closedAt ? r.closedAt.toISOString() : null,
    version: r.version,
    abilities: reviewAbilities(actor, r),
  };
}
