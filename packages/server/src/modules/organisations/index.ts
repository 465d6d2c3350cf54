export { createOrganisationService, type OrganisationService, type OrganisationRow } from './organisations.service';
export { organisationRoutes } from './organisations.routes';
export { organisations, disclosures } from './organisations.table';
