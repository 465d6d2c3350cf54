import type { Scope } from '@shegong/shared';
import type { Db } from '../../db/database';
import type { ContractLookup } from '../contracts';
import type { StationLookup } from '../stations';
import { trainingsRepository } from './trainings.repository';
import { workerScope, workersRepository as repo } from './workers.repository';
import { firstPlacements, hoursByWorker } from './workers.view';

/** A report's subject as staffing sees it: the stations of a division path, or named stations (R-REP-3). */
export type StaffTarget = { path: string } | { stationIds: string[] };

/**
 * Staffing and trainings for a report (R-REP-3, R-STAFF-2…4): the overview's counts (`staff-overview.ts`) for a
 * division path or a set of stations on a given day rather than for a caller's scope today, with the same
 * qualification rule (`standing` via `firstPlacements`), and the trainings the subject's workers attended in a period.
 */
export function createStaffFigures(d: { db: Db; stations: StationLookup; contracts: ContractLookup }) {
  /** Whose workers: a division's (counted where they work on `asOf`), or those assigned to the stations then. */
  const scopeOf = (t: StaffTarget): Scope =>
    'path' in t ? { kind: 'division', path: t.path } : { kind: 'stations', stationIds: t.stationIds, path: '' };

  async function operatingStations(t: StaffTarget) {
    if ('path' in t) return d.stations.inScope(scopeOf(t), ['operating']);
    return (await d.stations.summaries(t.stationIds)).filter((s) => s.status === 'operating');
  }

  return {
    /** Operating stations and those short of two resident workers on `asOf`; workers, qualified and filed then. */
    async staffing(t: StaffTarget, asOf: string) {
      const where = repo.where(workerScope(scopeOf(t), asOf), {}, asOf);
      const [operating, facts] = await Promise.all([operatingStations(t), repo.qualificationFacts(d.db, where, asOf)]);
      const [residents, { standingOf }] = await Promise.all([
        repo.residentsAt(
          d.db,
          operating.map((s) => s.id),
          asOf,
        ),
        firstPlacements(d.contracts, facts.assignments),
      ]);
      const hours = hoursByWorker(facts.hours);
      let qualified = 0;
      for (const w of facts.rows) if (standingOf(w, hours.get(w.id) ?? [], asOf).q.qualified) qualified++;
      return {
        asOf,
        operatingStations: operating.length,
        understaffedStations: operating.filter((s) => (residents.get(s.id) ?? 0) < 2).length,
        workers: facts.rows.length,
        qualified,
        filed: facts.rows.filter((w) => w.filingStatus === 'filed').length,
      };
    },
    /** Sessions begun in `from`…`to` that the subject's workers (as on `asOf`) attended, their attendances and hours. */
    async trainings(t: StaffTarget, from: string, to: string, asOf: string) {
      return trainingsRepository.attendedBetween(d.db, workerScope(scopeOf(t), asOf), from, to);
    },
  };
}
export type StaffFigures = ReturnType<typeof createStaffFigures>;
