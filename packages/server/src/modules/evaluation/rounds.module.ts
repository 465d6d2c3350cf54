import type { FastifyInstance } from 'fastify';
import { createRoundEvaluators } from './rounds.evaluators';
import { createRoundExports } from './rounds.exports';
import { createRoundMeasures, type MeasureDeps } from './rounds.measures';
import { roundRoutes } from './rounds.routes';
import { createRoundScoring } from './rounds.scoring';
import { roundsRepository } from './rounds.repository';
import { createRoundService, type RoundDeps } from './rounds.service';

/** 评估 (R-EVAL-1): builds the rounds' service, scoring and routes; measures come from the reports' figures. */
export function registerRounds(
  app: FastifyInstance,
  d: Omit<RoundDeps, 'measures'> & Pick<MeasureDeps, 'figures' | 'contractTimeliness' | 'supervision' | 'satisfaction'>,
) {
  const measures = createRoundMeasures({ ...d, stationIdsOf: d.stationIdsOf });
  const rounds = createRoundService({ ...d, measures });
  roundRoutes(app, {
    rounds,
    scoring: createRoundScoring({ ...d, measures }, rounds),
    exports: createRoundExports({ ...d, rounds }),
    evaluators: createRoundEvaluators(d, rounds),
    attachments: d.attachments,
  });
  return { rounds };
}

export { createEvaluatorReach } from './rounds.evaluators';

/** For contracts (R-CON-2): the agreement years whose result the rounds decide, so nobody types one in. */
export const createRoundYears =
  (d: Pick<RoundDeps, 'db'>) =>
  (contractId: string): Promise<number[]> =>
    roundsRepository.roundYears(d.db, contractId);
