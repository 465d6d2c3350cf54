import type { z } from 'zod';
import {
  CIRCULAR_MEASURES,
  circularPeriod,
  type Circular,
  type CircularMeasure,
  type commendationSchema,
  type Scope,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { can, type Actor } from '../../platform/auth/actor';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import type { VisitService } from '../beneficiaries';
import type { DivisionService } from '../divisions';
import type { ProgressService } from '../plan';
import { serviceStatistics } from '../services';
import type { StaffOverview } from '../workers';
import { commendationsRepository as marks } from './circulars.repository';
import { rankUnits } from './circulars.ranking';
import { circularWorkbook } from './circulars.export';
import { percentOf, requireOfficer, type TimelinessService } from './timeliness';

export interface CircularDeps {
  db: Db;
  clock: Clock;
  divisions: Pick<DivisionService, 'countiesIn' | 'find'>;
  timeliness: Pick<TimelinessService, 'compute'>;
  progress: Pick<ProgressService, 'report'>;
  staff: Pick<StaffOverview, 'perUnit'>;
  visits: Pick<VisitService, 'completion'>;
  /** Agreement years decided in a period per unit (R-CON-2 results, from the evaluation rounds or on paper). */
  evaluations: (from: string, to: string) => Promise<{ countyCode: string; decided: number; passed: number }[]>;
}
export type CommendationInput = z.infer<typeof commendationSchema>;
type Counts = Record<CircularMeasure, { part: number; whole: number }>;

/** The city's path above a division path (`/410900000000/410928000000/` → `/410900000000/`). */
const cityPathOf = (path: string) => `/${path.split('/').filter(Boolean)[0]}/`;
/** The city marks units for commendation (二（一）): reports:review held at the city, not at a county. */
const canCommend = (actor: Actor) =>
  can(actor, 'reports:review') && actor.scope.kind === 'division' && actor.scope.path === cityPathOf(actor.scope.path);
const monthStart = (d: string) => `${d.slice(0, 7)}-01`;

/**
 * The city's 通报 (R-REP-4, 《实施方案》六（七）): per county-level unit, plan progress, reports on time, stations with
 * two resident workers, qualified workers, service records per operating station and visits done vs due, ranked per
 * measure and overall, with the city's marks for commendation. Ranks are among all the city's units, so a county
 * reads its own row with its place in the city; it never reads another unit's figures (the rows are its scope's).
 */
export function createCirculars(d: CircularDeps) {
  function periodOf(key: string | undefined) {
    const today = d.clock.today();
    const period = key ?? today.slice(0, 4);
    const p = circularPeriod(period);
    if (p.from > today) throw fieldError('period', '该期间尚未开始，请选择已开始的期间');
    // Records and visits are counted up to today; a period still running is the part of it so far.
    return { period, ...p, until: p.to < today ? p.to : today };
  }

  /** Every unit of the city with its figures, computed over the whole city (aggregates only, never records). */
  async function measure(actor: Actor, p: ReturnType<typeof periodOf>) {
    const cityPath = cityPathOf(requireOfficer(actor).path);
    const cityScope: Scope = { kind: 'division', path: cityPath };
    const cityActor: Actor = { ...actor, scope: cityScope };
    const units = d.divisions.countiesIn(cityScope);
    const [progress, reporting, staff, services, visits, evaluations] = await Promise.all([
      d.progress.report(cityActor),
      d.timeliness.compute(cityPath, p.from, p.to),
      d.staff.perUnit(cityActor),
      serviceStatistics.breakdown(
        d.db,
        { scope: cityScope, path: cityPath },
        { from: monthStart(p.from), to: monthStart(p.until) },
        'unit',
        cityPath,
      ),
      Promise.all(units.map((u) => d.visits.completion({ path: u.path }, p.from, p.until))),
      d.evaluations(p.from, p.until),
    ]);
    return units.map((u, i) => {
      const plan = progress.rows.find((r) => r.divisionCode === u.code)?.total;
      const rep = reporting.units.get(u.code);
      const st = staff.find((s) => s.countyCode === u.code);
      const operating = st?.operatingStations ?? 0;
      const counts: Counts = {
        plan: { part: plan?.built ?? 0, whole: plan?.planned ?? 0 },
        reports: { part: rep?.onTime ?? 0, whole: rep?.expected ?? 0 },
        staffing: { part: operating - (st?.understaffedStations ?? 0), whole: operating },
        qualified: { part: st?.qualified ?? 0, whole: st?.workers ?? 0 },
        services: { part: services.find((s) => s.id === u.code)?.records ?? 0, whole: operating },
        visits: { part: visits[i].done, whole: visits[i].due },
        evaluations: {
          part: evaluations.find((e) => e.countyCode === u.code)?.passed ?? 0,
          whole: evaluations.find((e) => e.countyCode === u.code)?.decided ?? 0,
        },
      };
      const values = Object.fromEntries(
        CIRCULAR_MEASURES.map((m) => {
          const { part, whole } = counts[m];
          // Records per operating station, one decimal; the others are percentages.
          if (m === 'services') return [m, whole ? Math.round((part / whole) * 10) / 10 : null];
          return [m, percentOf(part, whole)];
        }),
      ) as Record<CircularMeasure, number | null>;
      return { code: u.code, name: u.name, path: u.path, values, counts };
    });
  }

  async function view(actor: Actor, key: string | undefined): Promise<Circular> {
    const p = periodOf(key);
    const all = await measure(actor, p);
    const ranked = rankUnits(all);
    const own = requireOfficer(actor).path;
    const commended = await marks.ofPeriod(d.db, p.period, own);
    const rows = all
      .map((u, i) => ({
        code: u.code,
        name: u.name,
        path: u.path,
        values: u.values,
        counts: u.counts,
        ...ranked[i],
        commended: commended.has(u.code),
        commendationNote: commended.get(u.code) ?? null,
      }))
      .filter((u) => u.path.startsWith(own))
      .sort((a, b) => a.overallRank - b.overallRank || a.code.localeCompare(b.code))
      .map(({ path: _path, ...row }) => row);
    return {
      period: p.period,
      from: p.from,
      to: p.to,
      unitCount: all.length,
      rows,
      abilities: { commend: canCommend(actor) },
    };
  }

  return {
    view: (actor: Actor, period?: string) => view(actor, period),

    /** The city marks or unmarks a unit for commendation in a period (二（一）), audited in the same transaction. */
    async commend(ctx: ActorContext, input: CommendationInput): Promise<Circular> {
      const actor = ctx.actor;
      const own = requireOfficer(actor);
      if (!canCommend(actor)) throw new AppError('FORBIDDEN', '表彰由市级民政部门标记');
      const unit = d.divisions.find(input.unit);
      if (!unit || unit.level !== 'county' || !unit.path.startsWith(own.path)) throw notFound('县（区）');
      const p = periodOf(input.period);
      await d.db.transaction(async (tx) => {
        const before = await marks.find(tx, p.period, unit.code);
        const wasMarked = !!before && !before.archivedAt;
        if (input.commended) {
          const row = await marks.mark(tx, {
            periodKey: p.period,
            unitCode: unit.code,
            divisionPath: unit.path,
            note: input.note,
            by: actor.userId,
          });
          await writeAudit(tx, ctx, {
            action: wasMarked ? 'update' : 'create',
            entityType: 'commendation',
            entityId: row.id,
            divisionPath: unit.path,
            summary: `通报表彰：${unit.name}（${p.label}）`,
            before: wasMarked ? { note: before.note } : undefined,
            after: { note: input.note },
          });
        } else if (wasMarked) {
          await marks.unmark(tx, before.id, actor.userId);
          await writeAudit(tx, ctx, {
            action: 'update',
            entityType: 'commendation',
            entityId: before.id,
            divisionPath: unit.path,
            summary: `取消通报表彰：${unit.name}（${p.label}）`,
            before: { note: before.note },
          });
        }
      });
      return view(actor, p.period);
    },

    /** The 通报 as an audited .xlsx that prints on A4 (ADR 0007). */
    async exportWorkbook(ctx: ActorContext, period?: string) {
      const c = await view(ctx.actor, period);
      const label = circularPeriod(c.period).label;
      const scope = d.divisions.find(ctx.actor.divisionCode)?.name ?? '';
      const buf = await circularWorkbook(c, label, scope, d.clock.now());
      await writeAudit(d.db, ctx, {
        action: 'export',
        entityType: 'circular',
        divisionPath: ctx.actor.scope.kind === 'division' ? ctx.actor.scope.path : undefined,
        summary: `导出通报（${label}）`,
        after: { filters: { period: c.period } },
      });
      return { buf, label };
    },
  };
}
export type CircularService = ReturnType<typeof createCirculars>;
