import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from '@shegong/shared';
import type { Db } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { AppError, fieldError, isUniqueViolation } from '../../platform/http/errors';
import type { DivisionService } from '../divisions';
import { reportSettingsRepository as repo } from './report-settings.repository';

/**
 * The due dates the city sets (R-REP-3 "due dates have defaults that the city can change"): one row per city; the
 * defaults (version 0) until the city saves its own. A change reaches reports not yet due and not yet submitted.
 */
export function createReportSettings(d: { db: Db; clock: Clock; divisions: DivisionService }) {
  const cityCode = () => d.divisions.list({ level: 'city' })[0]?.code ?? '';

  async function read(): Promise<{ settings: ReportSettings; version: number }> {
    const row = await repo.find(d.db, cityCode());
    return row
      ? { settings: { ...DEFAULT_REPORT_SETTINGS, ...row.settings }, version: row.version }
      : { settings: DEFAULT_REPORT_SETTINGS, version: 0 };
  }

  return {
    read,
    async view() {
      const r = await read();
      return { ...r.settings, version: r.version };
    },
    async update(ctx: ActorContext, body: ReportSettings & { version: number }) {
      const { version, ...settings } = body;
      const city = d.divisions.find(cityCode());
      // Only the city sets the calendar (a county administrator holds no reports:configure, but scope is checked too).
      if (!city || ctx.actor.scope.kind !== 'division' || ctx.actor.scope.path !== city.path)
        throw new AppError('FORBIDDEN', '只有市级民政部门可以设置报告截止日');
      if (settings.cityFirstHalfDue < '07-01')
        throw fieldError('cityFirstHalfDue', '上半年报告截止日应在 7 月 1 日之后');
      // The second half's report is due in the next year's first half, not a year and more after it ends.
      if (settings.citySecondHalfDue > '06-30')
        throw fieldError('citySecondHalfDue', '下半年报告截止日应在次年 1 月 1 日至 6 月 30 日之间');
      const before = await read();
      await d.db.transaction(async (tx) => {
        if (version === 0) {
          try {
            await repo.insert(tx, city.code, settings, ctx.actor.userId);
          } catch (e) {
            if (isUniqueViolation(e)) throw new AppError('VERSION_CONFLICT', '报告截止日已被他人修改，请刷新后重试');
            throw e;
          }
        } else {
          const row = await repo.update(tx, city.code, version, settings, ctx.actor.userId, d.clock.now());
          if (!row) throw new AppError('VERSION_CONFLICT', '报告截止日已被他人修改，请刷新后重试');
        }
        await writeAudit(tx, ctx, {
          action: 'update',
          entityType: 'reportSettings',
          entityId: city.code,
          divisionPath: city.path,
          summary: '修改报告截止日',
          before: before.settings,
          after: settings,
        });
      });
      return this.view();
    },
  };
}
export type ReportSettingsService = ReturnType<typeof createReportSettings>;
