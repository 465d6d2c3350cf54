// The data generator shared by `npm run bench` (province scale on PostgreSQL) and `npm run demo` (a believable
// Puyang): deterministic from a seed, bulk writes only, every row valid under the rules the services enforce.
export {
  generatePeople,
  planPeople,
  allocate,
  type GeneratePeopleOptions,
  type PeopleStation,
  type PeopleSummary,
  type Link,
} from './people';
export { planPerson, PROFILES, type PlannedPerson, type PersonPlace, type Profile } from './people.plan';
export { type PlannedPeriod } from './people.categories';
export { citizenId, checkCharacter } from './citizen';
export { personName, villageNames, mobile, SURNAMES } from './names';
export { createRng, addDays, addYears, daysBetween, type Rng } from './random';
export { Rows, type Column } from './bulk';
export { generateWorld, type GenerateWorldOptions, type World, type WorldStation } from './world';
export { type WorldOrganisation } from './world.contractors';
export { creditCode } from './citizen';
export { generateServices, type GenerateServicesOptions, type ServicesSummary } from './services';
