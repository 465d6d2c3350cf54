import type { AttachmentView, ServiceRecordListItem, ServiceRecordView } from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import type { RecordPerson } from '../beneficiaries';
import { canChangeRecord, summaryWithheld, type RecordFacts } from './services.policy';
import type { ServiceRecordRow } from './services.repository';

/** Everything the views of a set of records need, fetched once for the set (services.reads.ts builds it). */
export interface RecordContext {
  people: Map<string, string[]>;
  workers: Map<string, string[]>;
  persons: Map<string, RecordPerson>;
  workerNames: Map<string, string>;
  stations: Map<string, string>;
  catalogue: (code: string) => { domainName: string; itemName: string } | undefined;
  alerts: Map<string, string[]>;
}

export function recordFacts(row: ServiceRecordRow, rc: RecordContext): RecordFacts {
  const people = rc.people.get(row.id) ?? [];
  return {
    createdBy: row.createdBy,
    workerIds: rc.workers.get(row.id) ?? [],
    anyRestricted: people.some((id) => rc.persons.get(id)?.restricted ?? true),
    raisedAlert: (rc.alerts.get(row.id)?.length ?? 0) > 0,
  };
}

/** A list row: people as the caller may see them, the summary withheld where a person on it is withheld. */
export function listItem(row: ServiceRecordRow, actor: Actor, rc: RecordContext): ServiceRecordListItem {
  const facts = recordFacts(row, rc);
  const withheld = summaryWithheld(actor, facts);
  const item = rc.catalogue(row.catalogueCode);
  return {
    id: row.id,
    stationId: row.stationId,
    stationName: rc.stations.get(row.stationId) ?? '',
    servedOn: row.servedOn,
    durationMinutes: row.durationMinutes,
    form: row.form,
    catalogueCode: row.catalogueCode,
    domainCode: row.domainCode,
    domainName: item?.domainName ?? '',
    itemName: item?.itemName ?? '',
    people: (rc.people.get(row.id) ?? []).map((id) => {
      const p = rc.persons.get(id);
      return { id, name: p?.name ?? '', restricted: p?.restricted ?? true };
    }),
    peopleCount: row.peopleCount,
    headCount: row.headCount,
    workers: facts.workerIds.map((id) => ({ id, name: rc.workerNames.get(id) ?? '' })),
    caseId: row.caseId,
    summary: withheld ? '' : row.summary,
    summaryWithheld: withheld,
    place: withheld ? '' : row.place,
    alertRaised: (rc.alerts.get(row.id) ?? []).length > 0,
    createdAt: row.createdAt.toISOString(),
  };
}

export function detailView(
  row: ServiceRecordRow,
  actor: Actor,
  rc: RecordContext,
  extra: { organisationName: string | null; createdByName: string | null; photos: AttachmentView[] },
): ServiceRecordView {
  const facts = recordFacts(row, rc);
  const change = canChangeRecord(actor, facts);
  return {
    ...listItem(row, actor, rc),
    version: row.version,
    organisationId: row.organisationId,
    organisationName: extra.organisationName,
    alertIds: rc.alerts.get(row.id) ?? [],
    createdByName: extra.createdByName,
    photos: summaryWithheld(actor, facts) ? [] : extra.photos,
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    abilities: { update: change, archive: change, attach: change },
  };
}

/** Records whose summary the caller reads in clear about a sensitive person: an audited read (R-SCOPE-2). */
export function clearSensitive(rows: ServiceRecordRow[], actor: Actor, rc: RecordContext) {
  return rows.filter(
    (row) =>
      !summaryWithheld(actor, recordFacts(row, rc)) &&
      (rc.people.get(row.id) ?? []).some((id) => rc.persons.get(id)?.sensitive),
  );
}
