import type { DbOrTx } from '../../db/database';
import { responsesRepository } from './satisfaction.repository';

/**
 * The 满意度 indicator's figure (R-EVAL-2, R-EVAL-3): the answers of the named stations between two dates (inclusive),
 * both channels (the station's public form and the random call-back), and how many of them are satisfied (overall
 * 满意 or 非常满意). The caller (an evaluation round) already holds the stations through its own scoped record.
 */
export function createSatisfactionRates({ db }: { db: DbOrTx }) {
  return {
    ofStations(stationIds: string[], from: string, to: string): Promise<{ answers: number; satisfied: number }> {
      return responsesRepository.ofStations(db, [...new Set(stationIds)], from, to);
    },
  };
}
export type SatisfactionRates = ReturnType<typeof createSatisfactionRates>;
