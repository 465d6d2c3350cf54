export { createOrganisationService, type OrganisationService } from './organisations.service';
export { organisationRoutes } from './organisations.routes';
export { createOrganisationLookup, type OrganisationLookup, type OrganisationFacts } from './organisations.lookup';
