import type { Scope, StationContract } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import type { Clock } from '../../platform/clock';
import type { OrganisationLookup } from '../organisations';
import type { StationLookup, StationSummary } from '../stations';
import { agreementYearsRepository } from './agreement-years.repository';
import { contractsRepository } from './contracts.repository';

/**
 * The contracts module's answers for other modules: scopes, station pages, assignments, qualification deadlines and
 * procurement views. A live contract is `liveOn(today)` in contracts.repository.ts, judged on the Clock's date.
 */
export function createContractLookup(d: {
  db: DbOrTx;
  clock: Clock;
  stations: StationLookup;
  organisations: OrganisationLookup;
}) {
  const { db, clock } = d;
  const covered = contractsRepository.preparedCoveredStationIds(db);
  const coveredBy = (organisationId: string) => covered(organisationId, clock.today());
  const organisationOn = contractsRepository.preparedOrganisationOn(db);

  return {
    /** The stations an organisation's live contracts cover today: contractor staff's scope (DESIGN §4). */
    coveredStations: (organisationId: string): Promise<string[]> => coveredBy(organisationId),
    /** The same stations with their names and paths (roster import matches station names against them). */
    async coveredStationSummaries(organisationId: string): Promise<StationSummary[]> {
      return d.stations.summaries(await coveredBy(organisationId));
    },
    /** Whether the organisation has a live contract covering the station today. */
    async covers(organisationId: string, stationId: string): Promise<boolean> {
      return (await coveredBy(organisationId)).includes(stationId);
    },
    /** The organisation whose contract covered the station on a day, if any (a service record's organisation). */
    organisationOn: (stationId: string, day: string): Promise<string | null> => organisationOn(stationId, day),
    /** Whether the organisation holds a live contract of a unit inside the scope (it works there, so that unit may rule on its staff). */
    worksIn: (organisationId: string, scope: Scope): Promise<boolean> =>
      contractsRepository.hasLiveIn(db, organisationId, clock.today(), scope),
    /** The start of the earliest contract covering each station: R-STAFF-4's 2-year clock runs from there. */
    async firstCycleStarts(stationIds: string[]): Promise<Map<string, string>> {
      const rows = await contractsRepository.firstCycleStarts(db, stationIds);
      return new Map(rows.map((r) => [r.stationId, String(r.start).slice(0, 10)]));
    },
    /** Agreement years decided (passed or not) in a period, per county-level unit: the 通报's 年度评估合格率. */
    evaluationResults: (from: string, to: string) => agreementYearsRepository.resultsByCounty(db, from, to),
    /** Contracts' stations over their time in force and their agreement years: the reporting calendar's input. */
    reportingBasis: () => contractsRepository.reportingBasis(db),
    /** The stations a contract covers, whatever its dates. */
    stationIdsOf: (contractId: string) => contractsRepository.stationIdsOf(db, contractId),
    /** Changes whenever a contract, agreement or covered station does. */
    reportingFingerprint: () => contractsRepository.reportingFingerprint(db),
    /** The contract signed from each procurement, if any (procurement views link to it). */
    async byProcurement(procurementIds: string[]): Promise<Map<string, string>> {
      const rows = await contractsRepository.byProcurement(db, procurementIds);
      return new Map(rows.map((r) => [r.procurementId, r.id]));
    },
    /** The live contract of each station, for station pages (R-CON-2: a failed evaluation leaves a gap). */
    async stationContracts(stationIds: string[]): Promise<Map<string, StationContract>> {
      const out = new Map<string, StationContract>();
      const today = clock.today();
      const rows = await contractsRepository.liveByStation(db, stationIds, today);
      if (rows.length === 0) return out;
      const [current, names] = await Promise.all([
        contractsRepository.currentYears(db, [...new Set(rows.map((r) => r.contractId))], today),
        d.organisations.names(rows.map((r) => r.organisationId)),
      ]);
      for (const r of rows) {
        out.set(r.stationId, {
          contractId: r.contractId,
          contractorName: names.get(r.organisationId) ?? '',
          yearNo: current.find((a) => a.contractId === r.contractId)?.yearNo ?? null,
          endsOn: r.endsOn ?? r.cycleEnd,
          ending: r.status === 'ending',
        });
      }
      return out;
    },
  };
}
export type ContractLookup = ReturnType<typeof createContractLookup>;
