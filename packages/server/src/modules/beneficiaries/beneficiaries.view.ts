import {
  ageOf,
  HEALTH_CATEGORIES,
  inForceOn,
  isMinor,
  maskAddress,
  maskCitizenId,
  maskName,
  maskPhone,
  type BeneficiaryCategory,
  type BeneficiaryListItem,
  type BeneficiaryView,
  type CategoryView,
  type ConsentView,
  type RiskView,
} from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import {
  canChange,
  canUnmask,
  isRestricted,
  isSensitive,
  seesNames,
  seesPii,
  type PolicyFacts,
} from './beneficiaries.policy';
import type {
  BeneficiaryRow,
  CategoryRow,
  ConsentRow,
  HouseholdRow,
  LinkRow,
  RiskRow,
} from './beneficiaries.repository';

/** Everything the views of a set of people need, fetched once for the set (beneficiaries.reads.ts builds it). */
export interface ListContext {
  links: Map<string, LinkRow[]>;
  categories: Map<string, CategoryRow[]>;
  stations: Map<string, { name: string; countyName: string }>;
  workerNames: Map<string, string>;
  today: string;
  /** The date categories are shown as of (the list's `asOf`, else today). */
  asOf: string;
}

export function policyFacts(row: BeneficiaryRow, ctx: Pick<ListContext, 'links' | 'categories'>): PolicyFacts {
  return {
    birthDate: row.birthDate,
    birthYear: row.birthYear,
    workerIds: (ctx.links.get(row.id) ?? []).map((l) => l.workerId),
    categories: (ctx.categories.get(row.id) ?? []).map((c) => c.category as BeneficiaryCategory),
  };
}

/** A list row: names as initials for upper levels, identity masked unless the role needs it, restricted rows bare. */
export function listItem(row: BeneficiaryRow, actor: Actor, ctx: ListContext): BeneficiaryListItem {
  const facts = policyFacts(row, ctx);
  const restricted = isRestricted(actor, facts, ctx.today);
  const clear = seesPii(actor, facts, ctx.today);
  const station = ctx.stations.get(row.stationId);
  const showHealth = !restricted;
  const categories = [
    ...new Set(
      (ctx.categories.get(row.id) ?? [])
        .filter((c) => inForceOn(c, ctx.asOf))
        .map((c) => c.category as BeneficiaryCategory)
        .filter((c) => showHealth || !HEALTH_CATEGORIES.includes(c)),
    ),
  ];
  return {
    id: row.id,
    name: restricted || !seesNames(actor) ? maskName(row.name) : row.name,
    idNumber: row.idNumber ? (clear ? row.idNumber : maskCitizenId(row.idNumber)) : null,
    gender: row.gender,
    age: restricted ? null : ageOf(row, ctx.today),
    village: row.village,
    stationId: row.stationId,
    stationName: station?.name ?? '',
    countyName: station?.countyName ?? '',
    workerName: row.workerId ? (ctx.workerNames.get(row.workerId) ?? null) : null,
    categories: restricted ? [] : categories,
    riskLevel: restricted ? null : row.riskLevel,
    sensitive: isSensitive(facts, ctx.today),
    restricted,
    // Services are recorded by the next module; until then no person has a last service.
    lastServiceOn: null,
  };
}

export const categoryView = (c: CategoryRow, today: string): CategoryView => ({
  id: c.id,
  category: c.category as BeneficiaryCategory,
  tekunForm: c.tekunForm as CategoryView['tekunForm'],
  disabilityKind: c.disabilityKind as CategoryView['disabilityKind'],
  disabilityGrade: c.disabilityGrade as CategoryView['disabilityGrade'],
  startedOn: c.startedOn,
  endedOn: c.endedOn,
  source: c.source,
  current: inForceOn(c, today),
  createdAt: c.createdAt.toISOString(),
});

export const riskView = (r: RiskRow, names: Map<string, string>): RiskView => ({
  id: r.id,
  level: r.level,
  reason: r.reason,
  assessedOn: r.assessedOn,
  assessedBy: (r.createdBy && names.get(r.createdBy)) || '',
  createdAt: r.createdAt.toISOString(),
});

export const consentView = (c: ConsentRow, names: Map<string, string>): ConsentView => ({
  id: c.id,
  kind: c.kind,
  decision: c.decision,
  givenBy: c.givenBy,
  scope: c.scope,
  recordedOn: c.recordedOn,
  recordedBy: (c.createdBy && names.get(c.createdBy)) || '',
  createdAt: c.createdAt.toISOString(),
});

export interface DetailContext extends ListContext {
  risks: RiskRow[];
  consents: ConsentRow[];
  household: HouseholdRow[];
  /** Display names of the users who assessed risks and recorded consents. */
  userNames: Map<string, string>;
}

/**
 * A person's page (R-SCOPE-2): officers see the full name but masked identity until they unmask; a restricted record
 * shows that it exists and nothing more (no household, guardian, categories, risk or consents).
 */
export function detailView(row: BeneficiaryRow, actor: Actor, ctx: DetailContext): BeneficiaryView {
  const item = listItem(row, actor, ctx);
  const facts = policyFacts(row, ctx);
  const restricted = item.restricted;
  const clear = seesPii(actor, facts, ctx.today);
  const change = canChange(actor, facts, ctx.today);
  const links = ctx.links.get(row.id) ?? [];
  return {
    ...item,
    name: restricted ? item.name : row.name,
    version: row.version,
    masked: !clear,
    noIdReason: restricted ? null : (row.noIdReason as BeneficiaryView['noIdReason']),
    birthDate: clear ? row.birthDate : null,
    birthYear: restricted ? null : row.birthYear,
    birthPlace: restricted ? '' : row.birthPlace,
    phone: clear ? row.phone : row.phone ? maskPhone(row.phone) : '',
    address: clear ? row.address : maskAddress(row.address),
    minor: restricted ? null : isMinor(row, ctx.today),
    guardian:
      restricted || !row.guardianName
        ? null
        : {
            name: row.guardianName,
            relation: row.guardianRelation ?? '',
            phone: clear ? (row.guardianPhone ?? '') : row.guardianPhone ? maskPhone(row.guardianPhone) : '',
          },
    household: restricted
      ? []
      : ctx.household.map((m) => ({ id: m.id, name: m.name, relation: m.relation, memberId: m.memberId })),
    stations: links.map((l) => ({
      stationId: l.stationId,
      stationName: ctx.stations.get(l.stationId)?.name ?? '',
      countyName: ctx.stations.get(l.stationId)?.countyName ?? '',
      workerId: restricted ? null : l.workerId,
      workerName: restricted || !l.workerId ? null : (ctx.workerNames.get(l.workerId) ?? null),
      since: l.since,
      primary: l.stationId === row.stationId,
    })),
    categoryHistory: restricted ? [] : (ctx.categories.get(row.id) ?? []).map((c) => categoryView(c, ctx.today)),
    risk: restricted || ctx.risks.length === 0 ? null : riskView(ctx.risks[0], ctx.userNames),
    consents: restricted ? [] : ctx.consents.map((c) => consentView(c, ctx.userNames)),
    workerId: restricted ? null : row.workerId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: {
      update: change,
      unmask: canUnmask(actor, facts, ctx.today),
      addCategory: change,
      assessRisk: change,
      recordConsent: change,
    },
  };
}
