import type { OrganisationDeps } from './organisations.deps';
import { createDisclosures } from './organisations.disclosures';
import { createOrganisationRegistry } from './organisations.registry';

/**
 * The organisations module's use cases: the registry (R-ORG-1, `organisations.registry.ts`) and disclosures with the
 * public organisations list (R-ORG-2, `organisations.disclosures.ts`). Organisations are public information, so every
 * officer reads all of them; writes stay with the registering unit or the city; contractor staff see only their own.
 */
export function createOrganisationService(deps: OrganisationDeps) {
  const registry = createOrganisationRegistry(deps);
  const disclosures = createDisclosures(deps, registry);
  return {
    /** The row, within the caller's reach (the users module places contractor staff with it). */
    load: registry.load,
    list: registry.list,
    get: registry.get,
    create: registry.create,
    update: registry.update,
    ...disclosures,
  };
}
export type OrganisationService = ReturnType<typeof createOrganisationService>;
