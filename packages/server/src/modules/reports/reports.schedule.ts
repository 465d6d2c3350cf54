import {
  agreementPeriods,
  halfYearPeriods,
  monthlyPeriods,
  quarterlyPeriods,
  type ReportPeriod,
  type ReportSettings,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import type { ContractLookup } from '../contracts';
import type { DivisionService } from '../divisions';
import type { StationLookup } from '../stations';
import { reportsRepository as repo, type ReportInsert } from './reports.repository';

export interface ScheduleDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: Pick<StationLookup, 'summaries'>;
  contracts: Pick<ContractLookup, 'reportingBasis' | 'reportingFingerprint'>;
  settings: () => Promise<{ settings: ReportSettings; version: number }>;
}

type Slot = ReportInsert;

/**
 * The reporting calendar made real (R-REP-1, R-REP-2): every report owed up to today — each covered station's
 * monthly and quarterly briefs, each agreement year's mid-term and final report, each unit's quarterly report, the
 * city's half-year reports — as rows, so lists, lateness and completeness are plain SQL. Idempotent and cheap when
 * nothing changed (a fingerprint of the contracts, the settings and today); a changed due date applies only to
 * reports not yet due and not yet submitted, so past lateness never moves.
 */
export function createReportSchedule(d: ScheduleDeps) {
  let done = '';
  let running: Promise<void> | null = null;
  /** For a station's brief: when the contract covering it began, and whether it still covers the period's last day. */
  interface Owner {
    from: string;
    coversEnd: boolean;
  }
  const owners = new WeakMap<Slot, Owner>();
  /**
   * Who owes a station's brief where two contracts cover the station in its period (a handover): the contractor in
   * charge on the period's last day; between two, the newer contract.
   */
  const owes = (a: Slot, b: Slot) => {
    const [x, y] = [owners.get(a), owners.get(b)];
    if (!x || !y) return false;
    return x.coversEnd !== y.coversEnd ? x.coversEnd : x.from > y.from;
  };

  async function slots(today: string, s: ReportSettings): Promise<Slot[]> {
    const { coverage, years } = await d.contracts.reportingBasis();
    const city = d.divisions.list({ level: 'city' })[0];
    const stations = new Map((await d.stations.summaries(coverage.map((c) => c.stationId))).map((x) => [x.id, x]));
    const out: Slot[] = [];
    const row = (p: ReportPeriod, rest: Omit<Slot, keyof ReportPeriod>, by?: Owner): Slot => {
      const slot = { ...p, ...rest };
      if (by) owners.set(slot, by);
      return slot;
    };
    const unitFrom = new Map<string, string>();
    let cityFrom = '';
    for (const c of coverage) {
      const st = stations.get(c.stationId);
      if (!st) continue;
      const from = String(c.from).slice(0, 10);
      const to = String(c.to).slice(0, 10);
      const rest = {
        subjectKey: c.stationId,
        divisionPath: st.divisionPath,
        stationId: c.stationId,
        organisationId: c.organisationId,
        contractId: c.contractId,
        unitCode: c.countyCode,
      };
      for (const p of [
        ...monthlyPeriods(from, to, today, s),
        ...quarterlyPeriods('station_quarterly', from, to, today, s),
      ])
        out.push(row(p, rest, { from, coversEnd: to >= p.periodEnd }));
      if (!unitFrom.has(c.countyCode) || from < unitFrom.get(c.countyCode)!) unitFrom.set(c.countyCode, from);
      if (!cityFrom || from < cityFrom) cityFrom = from;
    }
    for (const y of years) {
      const rest = {
        subjectKey: y.contractId,
        divisionPath: y.divisionPath,
        organisationId: y.organisationId,
        contractId: y.contractId,
        agreementYear: y.yearNo,
        unitCode: y.countyCode,
      };
      for (const p of agreementPeriods(String(y.periodStart), String(y.periodEnd), today, s)) out.push(row(p, rest));
    }
    for (const [code, from] of unitFrom) {
      const unit = d.divisions.find(code);
      if (!unit) continue;
      const rest = { subjectKey: code, divisionPath: unit.path, unitCode: code };
      for (const p of quarterlyPeriods('county_quarterly', from, today, today, s)) out.push(row(p, rest));
    }
    if (city && cityFrom) {
      const rest = { subjectKey: city.code, divisionPath: city.path, unitCode: city.code };
      for (const p of halfYearPeriods(cityFrom, today, today, s)) out.push(row(p, rest));
    }
    return out;
  }

  async function build(): Promise<void> {
    const today = d.clock.today();
    const [fingerprint, settings] = await Promise.all([d.contracts.reportingFingerprint(), d.settings()]);
    const key = `${today}|${fingerprint}|${settings.version}`;
    if (key === done) return;
    // One row per report; a report not yet written follows its station to the contractor that owes it.
    const byKey = new Map<string, Slot>();
    // Reports of periods before the platform was in use are not owed on it (they went on paper).
    const from = settings.settings.startsOn ? `${settings.settings.startsOn}-01` : '';
    for (const x of (await slots(today, settings.settings)).filter((x) => x.periodStart >= from)) {
      const k = `${x.kind}|${x.subjectKey}|${x.periodKey}`;
      const seen = byKey.get(k);
      if (!seen || owes(x, seen)) byKey.set(k, x);
    }
    await repo.upsertSchedule(d.db, [...byKey.values()], today, from);
    done = key;
  }

  return {
    /**
     * Makes sure every report owed up to today exists; call before reading the schedule. A caller arriving while the
     * calendar is being rebuilt waits for that run, then checks again (a contract may have changed meanwhile); callers
     * arriving together share one run.
     */
    async ensure(): Promise<void> {
      if (running) await running.catch(() => undefined);
      running ??= build().finally(() => (running = null));
      return running;
    },
  };
}
export type ReportSchedule = ReturnType<typeof createReportSchedule>;
