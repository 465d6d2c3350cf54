export { registerIndicatorSets } from './indicator-sets.module';
export { registerRectifications } from './rectifications.module';
export { createRoundYears, registerRounds } from './rounds.module';
