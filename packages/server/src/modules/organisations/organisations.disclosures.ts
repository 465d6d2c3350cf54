import type {
  CreateDisclosureInput,
  DisclosureView,
  OrganisationDetail,
  PublicOrganisationQuery,
} from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import { writeAudit } from '../../platform/audit/audit';
import { notFound } from '../../platform/http/errors';
import { pageOf } from '../../platform/http/paging';
import { disclosuresRepository as disclosures } from './disclosures.repository';
import type { OrganisationDeps } from './organisations.deps';
import { canDisclose } from './organisations.policy';
import { disclosureView, disclosuresByOrganisation, publicOrganisationView } from './organisations.view';
import type { OrganisationRegistry } from './organisations.registry';
import { organisationsRepository } from './organisations.repository';
import type { ActorContext } from '../../platform/http/context';

/**
 * R-ORG-2: what an organisation discloses, public at once. Lists fetch the disclosures and their files for all
 * organisations of a page at once, so a page costs the same number of queries whatever its length.
 */
export function createDisclosures({ db, attachments }: OrganisationDeps, registry: OrganisationRegistry) {
  /** Disclosures with their files, by organisation: two queries for any number of organisations. */
  async function disclosuresOf(organisationIds: string[]): Promise<Map<string, DisclosureView[]>> {
    const rows = await disclosures.ofOrganisations(db, organisationIds);
    const filesOf = await attachments.list(
      'disclosure',
      rows.map((d) => d.id),
    );
    return disclosuresByOrganisation(rows, filesOf);
  }

  /** The organisation, when the caller may publish for it; otherwise the same 404 as a missing one (R-SCOPE-1). */
  async function forDisclosure(actor: Actor, organisationId: string) {
    const o = await registry.load(actor, organisationId);
    if (!canDisclose(actor, o)) throw notFound('社会组织');
    return o;
  }

  return {
    /** An organisation's page: the registration and its disclosures. */
    async detail(actor: Actor, id: string): Promise<OrganisationDetail> {
      const o = await registry.load(actor, id);
      return { ...registry.view(o, actor), disclosures: (await disclosuresOf([o.id])).get(o.id) ?? [] };
    },
    /** R-ORG-2 on the public portal: a page of organisations with social work in scope and what they disclose. */
    async publicList(q: PublicOrganisationQuery) {
      const { items, total } = await organisationsRepository.publicPage(db, q);
      const byOrg = await disclosuresOf(items.map((o) => o.id));
      return pageOf(
        items.map((o) => publicOrganisationView(o, byOrg.get(o.id) ?? [])),
        total,
        q,
      );
    },
    /** The disclosure, when the caller may publish for its organisation (for attaching files). */
    async disclosureForWrite(actor: Actor, organisationId: string, disclosureId: string) {
      const organisation = await forDisclosure(actor, organisationId);
      const disclosure = await disclosures.findOfOrganisation(db, organisation.id, disclosureId);
      if (!disclosure) throw notFound('公开信息');
      return { organisation, disclosure };
    },
    /** A disclosure of a public organisation, for the public download of its files. */
    async publicDisclosure(organisationId: string, disclosureId: string) {
      const d = await disclosures.findPublic(db, organisationId, disclosureId);
      if (!d) throw notFound('公开信息');
      return d;
    },
    /** R-ORG-2: the organisation (or its registering unit) publishes a disclosure; it is public at once. */
    async disclose(ctx: ActorContext, organisationId: string, input: CreateDisclosureInput): Promise<DisclosureView> {
      const o = await forDisclosure(ctx.actor, organisationId);
      return db.transaction(async (tx) => {
        const d = await disclosures.insert(tx, {
          organisationId: o.id,
          kind: input.kind,
          title: input.title,
          content: input.content,
          year: input.year,
          createdBy: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'disclosure',
          entityId: d.id,
          divisionPath: o.divisionPath,
          summary: `${o.name} 公开信息：${d.title}`,
          after: input,
        });
        return disclosureView(d, []);
      });
    },
  };
}
