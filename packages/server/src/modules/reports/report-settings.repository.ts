import { and, eq, sql } from 'drizzle-orm';
import type { ReportSettings } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { reportSettings } from './reports.table';

/** The city's due dates (one row per city): all SQL of report_settings. */
export const reportSettingsRepository = {
  async find(db: DbOrTx, cityCode: string) {
    const [row] = await db.select().from(reportSettings).where(eq(reportSettings.cityCode, cityCode));
    return row;
  },
  async insert(db: DbOrTx, cityCode: string, settings: ReportSettings, userId: string) {
    await db.insert(reportSettings).values({ cityCode, settings, createdBy: userId, updatedBy: userId });
  },
  /** A change guarded by the version the caller read; undefined when someone changed it first. */
  async update(db: DbOrTx, cityCode: string, version: number, settings: ReportSettings, userId: string, at: Date) {
    const [row] = await db
      .update(reportSettings)
      .set({ settings, version: sql`${reportSettings.version} + 1`, updatedAt: at, updatedBy: userId })
      .where(and(eq(reportSettings.cityCode, cityCode), eq(reportSettings.version, version)))
      .returning();
    return row;
  },
};
