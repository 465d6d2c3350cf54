export { registerIndicatorSets } from './indicator-sets.module';
export { registerRectifications } from './rectifications.module';
export { createEvaluatorReach, createRoundYears, registerRounds } from './rounds.module';
export { registerPreAward } from './pre-award.module';
