import { STATION_STATUS_LABELS, stationFindings, type StationContract, type StationView } from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import type { DivisionService } from '../divisions';
import { canWriteStation } from './stations.policy';
import type { StationFilters, StationRow } from './stations.repository';

/** The fields kept in the audit trail (no bookkeeping columns). */
export const auditableStation = ({
  createdAt: _c,
  updatedAt: _u,
  createdBy: _cb,
  updatedBy: _ub,
  archivedAt: _a,
  ...rest
}: StationRow) => rest;

/** The station as the web sees it: names resolved, findings (R-ST-1…4) computed, abilities of the caller. */
export function stationView(
  divisions: DivisionService,
  s: StationRow,
  actor: Actor | null,
  contract: StationContract | null,
  residents: number | undefined,
): StationView {
  const township = divisions.find(s.townshipCode);
  const county = divisions.find(s.countyCode);
  const findings = stationFindings({
    ...s,
    townshipName: township?.name ?? '',
    hasSignagePhoto: !!s.signageFileId,
    hasCurrentContract: !!contract,
    contractEndsEarlyOn: contract?.ending ? contract.endsOn : null,
    residentWorkers: residents,
  });
  const writable = canWriteStation(actor);
  return {
    id: s.id,
    townshipCode: s.townshipCode,
    townshipName: township?.name ?? '',
    townshipKind: township?.kind ?? '',
    countyCode: s.countyCode,
    countyName: county?.name ?? '',
    name: s.name,
    batchYear: s.batchYear,
    status: s.status,
    address: s.address,
    phone: s.phone,
    openingHours: s.openingHours,
    longitude: s.longitude,
    latitude: s.latitude,
    officeAreaM2: s.officeAreaM2,
    activityAreaM2: s.activityAreaM2,
    buildingStartedOn: s.buildingStartedOn,
    openedOn: s.openedOn,
    suspendedOn: s.suspendedOn,
    site: s.site,
    institutions: s.institutions,
    notes: s.notes,
    signagePhotoId: s.signageFileId,
    findings,
    contract,
    residentWorkers: residents ?? null,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    abilities: { update: writable, uploadSignage: writable },
  };
}

/** The filters in words for an export's header row (no raw codes, UX.md). */
export function describeStationFilters(divisions: DivisionService, q: StationFilters): string {
  return [
    q.county && `县（区）：${divisions.find(q.county)?.name ?? q.county}`,
    q.status && `状态：${STATION_STATUS_LABELS[q.status]}`,
    q.batchYear && `批次：${q.batchYear}年`,
    q.q && `名称含：${q.q}`,
  ]
    .filter(Boolean)
    .join('，');
}
