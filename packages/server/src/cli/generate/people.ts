import type { Db } from '../../db/database';
import { Rows } from './bulk';
import { hashOf, villageNames } from './names';
import { planPerson, type PersonPlace, type PlannedPerson } from './people.plan';
import { addDays, createRng, daysBetween } from './random';

// The people generator (服务对象, R-SVC-1/R-SVC-5): plans people station by station and writes them in batches with
// their categories, risk assessments, consents, household members and links to a second station.

/** A station to fill, with the facts the generator needs about it. */
export interface PeopleStation {
  id: string;
  divisionPath: string;
  /** The county's 12-digit code: citizen IDs of the station's people begin with its first six digits. */
  countyCode: string;
  /** Seeds the station's villages, so the same township always has the same ones. */
  townshipCode: string;
  /** A 街道: communities (社区) instead of villages. */
  street?: boolean;
  /** Roster ids of the station's social workers; the responsible worker is one of them (none: no worker). */
  workerIds: readonly string[];
}

export interface GeneratePeopleOptions {
  /** Same seed, same stations, same today → the same people, row for row. */
  seed: number;
  /** "Today" for ages and dates (the caller's Clock); nothing starts after it. */
  today: string;
  /** How many people in all. */
  count: number;
  stations: readonly PeopleStation[];
  /** Skew: the share of stations that serve about four times as many people (default 0.05). */
  busyShare?: number;
  /** People per insert batch (default 10,000). */
  batch?: number;
  /** ID numbers already given out (it receives the new ones): pass the same set to later calls to keep IDs unique. */
  usedIds?: Set<string>;
  /** Called after each batch with the number of people written so far. */
  onProgress?: (done: number) => void;
}

/** What was written. */
export interface PeopleSummary {
  people: number;
  withoutId: number;
  periods: number;
  risks: number;
  consents: number;
  householdMembers: number;
  /** Rows of `beneficiary_stations`: one per person (the registering station) plus the second-station links. */
  links: number;
  /** People registered per station, in the order of `stations`. */
  perStation: number[];
}

/** People per station: lognormal weights with a few busy stations, rounded so that they add up to `count`. */
export function allocate(seed: number, stations: number, count: number, busyShare = 0.05): number[] {
  const rng = createRng(seed ^ 0x5eed);
  const w = Array.from({ length: stations }, () => {
    const normal = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    return Math.exp(0.6 * normal) * (rng.chance(busyShare) ? 4 : 1);
  });
  const total = w.reduce((a, b) => a + b, 0);
  const exact = w.map((x) => (x / total) * count);
  const out = exact.map(Math.floor);
  let left = count - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

/**
 * Plans the people in batches without writing them (for a workbook, or to check them against the rules): yields
 * arrays of at most `batch` people, station after station, each with a second-station link when it has one.
 */
export function* planPeople(opts: GeneratePeopleOptions): Generator<Planned[]> {
  const rng = createRng(opts.seed);
  const used = opts.usedIds ?? new Set<string>();
  const counts = allocate(opts.seed, opts.stations.length, opts.count, opts.busyShare);
  let out: Planned[] = [];
  for (let s = 0; s < opts.stations.length; s++) {
    const st = opts.stations[s];
    const place: PersonPlace = {
      stationId: st.id,
      divisionPath: st.divisionPath,
      area6: st.countyCode.slice(0, 6),
      villages: villageNames(createRng(hashOf(st.townshipCode)), !!st.street),
      workerIds: st.workerIds,
      elder: null,
    };
    for (let i = 0; i < counts[s]; i++) {
      const p = planPerson(rng, place, opts.today, used);
      if (
        p.birthDate &&
        p.categories.some((c) => c.category === 'hardship_elder' || c.category === 'left_behind_elder')
      )
        place.elder = { id: p.id, name: p.name, gender: p.gender };
      // About 1 in 100 is served by a second station too (one person once: linked, never copied).
      const other = opts.stations.length > 1 && rng.chance(0.01) ? opts.stations[(s + 1) % opts.stations.length] : null;
      const first = p.categories.reduce((m, c) => (c.startedOn < m ? c.startedOn : m), opts.today);
      const link = other && {
        id: rng.uuid(),
        station: other,
        workerId: other.workerIds.length ? rng.pick(other.workerIds) : null,
        since: addDays(first, rng.int(0, daysBetween(first, opts.today))),
      };
      out.push({ ...p, home: { id: rng.uuid(), since: first }, link });
      if (out.length >= (opts.batch ?? 10_000)) {
        yield out;
        out = [];
      }
    }
  }
  if (out.length) yield out;
}

/** A planned person with their rows in `beneficiary_stations`: the registering station's, and a second one's. */
export type Planned = PlannedPerson & { home: { id: string; since: string }; link: Link | null };

/** A second station serving the person. */
export interface Link {
  id: string;
  station: PeopleStation;
  workerId: string | null;
  since: string;
}

/** Writes `count` people over `stations` (bulk, one transaction per batch) and answers what was written. */
export async function generatePeople(db: Db, opts: GeneratePeopleOptions): Promise<PeopleSummary> {
  const people = new Rows('beneficiaries', [
    ['id', 'uuid'],
    ['station_id', 'uuid'],
    ['division_path', 'text'],
    ['worker_id', 'uuid'],
    ['name', 'text'],
    ['id_number', 'text'],
    ['no_id_reason', 'text'],
    ['gender', 'text'],
    ['birth_date', 'date'],
    ['birth_year', 'int'],
    ['birth_place', 'text'],
    ['phone', 'text'],
    ['village', 'text'],
    ['address', 'text'],
    ['guardian_name', 'text'],
    ['guardian_relation', 'text'],
    ['guardian_phone', 'text'],
    ['risk_level', 'text'],
    ['graded_on', 'date'],
  ]);
  const periods = new Rows('beneficiary_categories', [
    ['id', 'uuid'],
    ['beneficiary_id', 'uuid'],
    ['category', 'text'],
    ['tekun_form', 'text'],
    ['disability_kind', 'text'],
    ['disability_grade', 'text'],
    ['started_on', 'date'],
    ['ended_on', 'date'],
    ['source', 'text'],
  ]);
  const risks = new Rows('beneficiary_risk_assessments', [
    ['id', 'uuid'],
    ['beneficiary_id', 'uuid'],
    ['level', 'text'],
    ['reason', 'text'],
    ['assessed_on', 'date'],
  ]);
  const consents = new Rows('beneficiary_consents', [
    ['id', 'uuid'],
    ['beneficiary_id', 'uuid'],
    ['kind', 'text'],
    ['decision', 'text'],
    ['given_by', 'text'],
    ['scope', 'text'],
    ['recorded_on', 'date'],
  ]);
  const household = new Rows('beneficiary_household_members', [
    ['id', 'uuid'],
    ['beneficiary_id', 'uuid'],
    ['name', 'text'],
    ['relation', 'text'],
    ['member_id', 'uuid'],
    ['position', 'int'],
  ]);
  const links = new Rows('beneficiary_stations', [
    ['id', 'uuid'],
    ['beneficiary_id', 'uuid'],
    ['station_id', 'uuid'],
    ['division_path', 'text'],
    ['worker_id', 'uuid'],
    ['since', 'date'],
  ]);
  const sum: PeopleSummary = {
    people: 0,
    withoutId: 0,
    periods: 0,
    risks: 0,
    consents: 0,
    householdMembers: 0,
    links: 0,
    perStation: allocate(opts.seed, opts.stations.length, opts.count, opts.busyShare),
  };
  for (const batch of planPeople(opts)) {
    for (const p of batch) {
      const latest = p.risks.reduce<(typeof p.risks)[number] | null>(
        (m, r) => (!m || r.assessedOn >= m.assessedOn ? r : m),
        null,
      );
      people.push(
        p.id,
        p.stationId,
        p.divisionPath,
        p.workerId,
        p.name,
        p.idNumber,
        p.noIdReason,
        p.gender,
        p.birthDate,
        p.birthYear,
        p.birthPlace,
        p.phone,
        p.village,
        p.address,
        p.guardian?.name ?? null,
        p.guardian?.relation ?? null,
        p.guardian?.phone ?? null,
        latest?.level ?? null,
        // The first assessment's date, as the app keeps it with each assessment.
        p.risks.reduce<string | null>((m, r) => (!m || r.assessedOn < m ? r.assessedOn : m), null),
      );
      if (!p.idNumber) sum.withoutId++;
      for (const c of p.categories)
        periods.push(
          c.id,
          p.id,
          c.category,
          c.tekunForm,
          c.disabilityKind,
          c.disabilityGrade,
          c.startedOn,
          c.endedOn,
          c.source,
        );
      for (const r of p.risks) risks.push(r.id, p.id, r.level, r.reason, r.assessedOn);
      for (const c of p.consents) consents.push(c.id, p.id, c.kind, c.decision, c.givenBy, c.scope, c.recordedOn);
      p.household.forEach((m, i) => household.push(m.id, p.id, m.name, m.relation, m.memberId, i));
      // Every station serving a person, the registering one included, is a row of beneficiary_stations (scope).
      links.push(p.home.id, p.id, p.stationId, p.divisionPath, p.workerId, p.home.since);
      if (p.link)
        links.push(p.link.id, p.id, p.link.station.id, p.link.station.divisionPath, p.link.workerId, p.link.since);
    }
    await db.transaction(async (tx) => {
      sum.people += await people.flush(tx);
      sum.periods += await periods.flush(tx);
      sum.risks += await risks.flush(tx);
      sum.consents += await consents.flush(tx);
      sum.householdMembers += await household.flush(tx);
      sum.links += await links.flush(tx);
    });
    opts.onProgress?.(sum.people);
  }
  return sum;
}
