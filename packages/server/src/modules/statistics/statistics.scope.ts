import type { StatisticsScopeKind } from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import { stationInScope } from '../../platform/auth/scope';
import { notFound } from '../../platform/http/errors';
import type { ContractLookup } from '../contracts';
import type { DivisionService } from '../divisions';
import type { OrganisationLookup } from '../organisations';
import type { StationLookup } from '../stations';
import type { StatisticsTarget } from './statistics.compute';

export interface ScopeDeps {
  divisions: DivisionService;
  stations: Pick<StationLookup, 'summaries'>;
  organisations: Pick<OrganisationLookup, 'get' | 'names'>;
  /** The stations an organisation's live contracts cover today. */
  contracts: Pick<ContractLookup, 'coveredStations'>;
}

/** What a statistics request covers, resolved against the caller's scope (narrowed to the part named). */
export interface ResolvedScope extends StatisticsTarget {
  kind: StatisticsScopeKind;
  id: string;
  name: string;
}

const UUID = /^[0-9a-f]{8}-/i;
const missing = () => notFound('统计范围');

/**
 * Resolves `?scope=` (R-SCOPE-1): a division code, a station or an organisation, always inside the caller's own scope;
 * a part outside it answers 404 like one that does not exist. Without it, the caller's whole scope.
 */
export function createScopeResolver(d: ScopeDeps) {
  /** The stations among `ids` that lie under a division path. */
  async function stationsUnder(ids: string[], path: string) {
    const rows = await d.stations.summaries(ids);
    return rows.filter((s) => s.divisionPath.startsWith(path)).map((s) => s.id);
  }

  async function division(actor: Actor, code: string): Promise<ResolvedScope> {
    const div = d.divisions.find(code);
    if (!div) throw missing();
    const kind: StatisticsScopeKind = div.level === 'city' ? 'city' : div.level === 'county' ? 'unit' : 'township';
    const breakdown = { by: div.level === 'city' ? ('unit' as const) : ('station' as const), parentPath: div.path };
    const base = { kind, id: div.code, name: div.name, breakdown };
    if (actor.scope.kind === 'division') {
      if (!div.path.startsWith(actor.scope.path)) throw missing();
      return { ...base, narrowed: { scope: actor.scope, path: div.path }, people: { path: div.path } };
    }
    const ids = await stationsUnder(actor.scope.stationIds, div.path);
    if (ids.length === 0) throw missing();
    return {
      ...base,
      breakdown: { by: 'station', parentPath: div.path },
      narrowed: { scope: actor.scope, path: div.path },
      people: { stationIds: ids },
    };
  }

  async function station(actor: Actor, id: string): Promise<ResolvedScope | undefined> {
    const [s] = await d.stations.summaries([id]);
    if (!s) return undefined;
    if (!stationInScope(actor.scope, s)) throw missing();
    return {
      kind: 'station',
      id: s.id,
      name: s.name,
      narrowed: { scope: actor.scope, stationIds: [s.id] },
      people: { stationIds: [s.id] },
      breakdown: null,
    };
  }

  async function organisation(actor: Actor, id: string): Promise<ResolvedScope> {
    const org = await d.organisations.get(id);
    if (!org) throw missing();
    let stationIds: string[];
    if (actor.scope.kind === 'organisation') {
      if (actor.scope.organisationId !== id) throw missing();
      stationIds = actor.scope.stationIds;
    } else if (actor.scope.kind === 'division') {
      // Organisations are public; an officer sees the part of its work inside the officer's own division.
      stationIds = await stationsUnder(await d.contracts.coveredStations(id), actor.scope.path);
    } else throw missing();
    return {
      kind: 'organisation',
      id,
      name: org.name,
      narrowed: { scope: actor.scope, organisationId: id },
      people: { stationIds },
      breakdown: { by: 'station', parentPath: actor.scope.path },
    };
  }

  return {
    async resolve(actor: Actor, scope: string | undefined): Promise<ResolvedScope> {
      if (scope && !UUID.test(scope)) return division(actor, scope);
      if (scope) return (await station(actor, scope.toLowerCase())) ?? organisation(actor, scope.toLowerCase());
      const own = actor.scope;
      if (own.kind === 'division') return division(actor, own.path.split('/').filter(Boolean).at(-1)!);
      if (own.kind === 'organisation') return organisation(actor, own.organisationId);
      if (own.stationIds.length === 1) return (await station(actor, own.stationIds[0]))!;
      return {
        kind: 'station',
        id: '',
        name: '本人所在社工站',
        narrowed: { scope: own },
        people: { stationIds: own.stationIds },
        breakdown: { by: 'station', parentPath: own.path },
      };
    },
  };
}
