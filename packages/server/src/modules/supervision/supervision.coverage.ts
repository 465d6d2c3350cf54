import type { DbOrTx } from '../../db/database';
import { supervisionRepository } from './supervision.repository';
import { reviewsRepository } from './supervision-reviews.repository';

/** What the evaluation reads of a station's supervision over a period (R-EVAL-4 feeds an indicator, R-EVAL-2). */
export interface SupervisionCoverage {
  /** Workers who attended at least one session held at the stations in the period (all were assigned there that day). */
  workers: number;
  /** Hours of the sessions held (each session once, however many attended), one decimal. */
  hours: number;
  sessions: number;
  /** Review comments raised in the period (Shanghai dates) and still waiting for the worker's answer. */
  reviewsOpen: number;
}

/**
 * 督导 coverage for an indicator item: `ofStations(stationIds, from, to)` with `YYYY-MM-DD` bounds, both included.
 * No scope: the evaluation already holds the stations through its own scoped round.
 */
export function createSupervisionCoverage({ db }: { db: DbOrTx }) {
  return {
    async ofStations(stationIds: string[], from: string, to: string): Promise<SupervisionCoverage> {
      const ids = [...new Set(stationIds)];
      const [c, reviewsOpen] = await Promise.all([
        supervisionRepository.coverage(db, ids, from, to),
        reviewsRepository.openCount(db, ids, from, to),
      ]);
      return { ...c, reviewsOpen };
    },
  };
}
export type SupervisionCoverageLookup = ReturnType<typeof createSupervisionCoverage>;
