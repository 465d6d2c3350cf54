import { PLAN_YEARS, progressPercent, type ProgressCell, type ProgressReport, type ProgressRow } from '@shegong/shared';
import type { Actor } from '../../platform/auth/actor';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { fieldError } from '../../platform/http/errors';
import type { Db } from '../../db/database';
import type { DivisionService } from '../divisions';
import type { StationLookup } from '../stations';
import { progressWorkbook } from './progress.export';
import type { ActorContext } from '../../platform/http/context';

const emptyCell = (): ProgressCell => ({ planned: 0, registered: 0, built: 0, operating: 0, percent: null });
const add = (a: ProgressCell, b: ProgressCell) => {
  a.planned += b.planned;
  a.registered += b.registered;
  a.built += b.built;
  a.operating += b.operating;
};
const finish = (c: ProgressCell) => {
  c.percent = progressPercent(c.built, c.planned);
  return c;
};

/** R-PLAN-1: planned (附件1) vs registered vs built (operating or suspended) vs operating, per unit and year. */
export interface ProgressDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
}

export function createProgressService({ db, clock, divisions, stations }: ProgressDeps) {
  const service = {
    async report(actor: Actor, county?: string): Promise<ProgressReport> {
      if (county && !divisions.find(county)) throw fieldError('county', '县（区）不存在');
      const units = divisions.countiesIn(actor.scope).filter((u) => !county || u.code === county);
      const unitCodes = new Set(units.map((u) => u.code));

      const targets = divisions.planTargets().filter((t) => unitCodes.has(t.divisionCode));
      const counts = await stations.countsByCountyYear(actor.scope);

      const years = [
        ...new Set<number>([...PLAN_YEARS, ...targets.map((t) => t.year), ...counts.map((c) => c.year)]),
      ].sort();
      // Index by unit once, so the report stays linear in units × years at province or country scale.
      const cellsByUnit = new Map(
        units.map((u) => [u.code, Object.fromEntries(years.map((y) => [String(y), emptyCell()]))]),
      );
      for (const t of targets) cellsByUnit.get(t.divisionCode)![String(t.year)].planned += t.target;
      for (const c of counts) {
        const cells = cellsByUnit.get(c.countyCode);
        if (cells)
          add(cells[String(c.year)], {
            planned: 0,
            registered: c.registered,
            built: c.built,
            operating: c.operating,
            percent: null,
          });
      }
      const rows: ProgressRow[] = units.map((u) => {
        const cells = cellsByUnit.get(u.code)!;
        const total = emptyCell();
        for (const c of Object.values(cells)) add(total, finish(c));
        return { divisionCode: u.code, name: u.name, years: cells, total: finish(total) };
      });
      const sum: ProgressRow = {
        divisionCode: '',
        name: '合计',
        years: Object.fromEntries(years.map((y) => [String(y), emptyCell()])),
        total: emptyCell(),
      };
      for (const r of rows) {
        for (const y of years) add(sum.years[String(y)], r.years[String(y)]);
        add(sum.total, r.total);
      }
      Object.values(sum.years).forEach(finish);
      finish(sum.total);
      return { years, rows, total: sum, generatedAt: clock.now().toISOString() };
    },
    /** The report as an audited .xlsx export. */
    async exportWorkbook(ctx: ActorContext, county?: string) {
      const report = await service.report(ctx.actor, county);
      const filters = county ? `县（区）：${divisions.find(county)?.name ?? county}` : '';
      const scope = divisions.find(ctx.actor.divisionCode)?.name ?? '';
      const buf = await progressWorkbook(report, scope, filters, clock.now());
      await writeAudit(db, ctx, {
        action: 'export',
        entityType: 'plan',
        summary: '导出建设进度表',
        after: { filters: { county } },
      });
      return buf;
    },
  };
  return service;
}
export type ProgressService = ReturnType<typeof createProgressService>;
