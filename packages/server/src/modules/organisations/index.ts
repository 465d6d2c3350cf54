export { createOrganisationService, type OrganisationService, type OrganisationRow } from './organisations.service';
export { organisationRoutes } from './organisations.routes';
export { createOrganisationLookup, type OrganisationLookup, type OrganisationFacts } from './organisations.lookup';
