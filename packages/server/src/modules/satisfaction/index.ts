// What app.ts and other modules may use. Never a table.
export { registerSatisfaction, type SatisfactionModuleDeps } from './satisfaction.module';
export { createSatisfactionRates, type SatisfactionRates } from './satisfaction.rates';
