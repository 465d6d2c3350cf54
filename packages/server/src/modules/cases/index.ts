// What app.ts and other modules may use. Never a table.
export { createCaseService, type CaseService } from './cases.service';
export { caseRoutes } from './cases.routes';
export { createCaseGate, type CaseRecordGate } from './cases.gate';
export { casePeopleOf, type CasePeople } from './cases.people';
export { registerCases } from './cases.wiring';
export { caseCountsFor } from './cases-counts.repository';
export { createCaseLookup, type CaseLookup } from './cases.lookup';
