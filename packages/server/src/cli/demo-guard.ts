import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';

/** What a database already holds, as far as the demo is concerned: the records a real city would have typed in. */
export interface Holdings {
  stations: number;
  organisations: number;
  workers: number;
  beneficiaries: number;
  /** Accounts other than the first-start administrator `admin`. */
  users: number;
}

/**
 * Counts across modules in one statement. The demo reads the tables directly here (and only here) because it asks a
 * question no module owns — "is this database empty of real data?" — and must ask it before any module writes.
 */
export async function holdings(db: Db): Promise<Holdings> {
  const res = await db.execute(sql`
    select (select count(*) from stations)::int as stations,
           (select count(*) from organisations)::int as organisations,
           (select count(*) from workers)::int as workers,
           (select count(*) from beneficiaries)::int as beneficiaries,
           (select count(*) from users where username <> 'admin')::int as users`);
  // Both drivers (node-postgres and PGlite) answer `{ rows }`.
  return (res as unknown as { rows: Holdings[] }).rows[0];
}

const LABELS: Record<keyof Holdings, string> = {
  stations: '社工站',
  organisations: '社会组织',
  workers: '社工',
  beneficiaries: '服务对象',
  users: '用户（admin 以外）',
};

/**
 * Why the demo must not run on this database, in Chinese, or null when it holds nothing but reference data and the
 * first `admin`. The demo never mixes invented people into real records.
 */
export function refusal(h: Holdings): string | null {
  const held = (Object.keys(LABELS) as (keyof Holdings)[]).filter((k) => h[k] > 0);
  if (!held.length) return null;
  return (
    `演示数据只能写入新的空数据库：该数据库已有 ${held.map((k) => `${LABELS[k]} ${h[k]} 条`).join('、')}，` +
    `未写入任何数据。请换一个 DATA_DIR（例如 DATA_DIR=./demo-data npm run demo）或新建的 DATABASE_URL。`
  );
}
