import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { auditEvents } from '../platform/audit/audit.table';
import { alerts } from '../modules/alerts/alerts.table';
import { beneficiaryContacts } from '../modules/beneficiaries/beneficiaries.table';
import {
  serviceMonthStats,
  servicePeopleMonths,
  serviceRecordPeople,
  serviceRecords,
} from '../modules/services/services.table';

// What the service-record tests compare (R-SVC-2): the rollups as stored, the rollups as the test computes them from
// the records it made itself, and everything a refused write could have touched.

/** A record as the test made it. */
export interface MadeRecord {
  servedOn: string;
  code: string;
  form: string;
  people: string[];
  head: number;
  min: number;
}

/** The month rollups the records made should give: (month, item, form) sums and distinct (month, person). */
export function expectedRollups(made: Iterable<MadeRecord>) {
  const stats = new Map<string, { records: number; personServices: number; headCount: number; minutes: number }>();
  const months = new Set<string>();
  for (const r of made) {
    const month = `${r.servedOn.slice(0, 7)}-01`;
    const k = `${month}|${r.code}|${r.form}`;
    const s = stats.get(k) ?? { records: 0, personServices: 0, headCount: 0, minutes: 0 };
    stats.set(k, {
      records: s.records + 1,
      personServices: s.personServices + r.people.length,
      headCount: s.headCount + r.head,
      minutes: s.minutes + r.min,
    });
    for (const p of r.people) months.add(`${month}|${p}`);
  }
  return { stats: Object.fromEntries([...stats].sort()), months: [...months].sort() };
}

/** The month rollups stored for one station, in the same shape. */
export async function storedRollups(db: Db, stationId: string) {
  const rows = await db.select().from(serviceMonthStats).where(eq(serviceMonthStats.stationId, stationId));
  const stats = Object.fromEntries(
    rows
      .map((r) => {
        const v = { records: r.records, personServices: r.personServices, headCount: r.headCount, minutes: r.minutes };
        return [`${r.month}|${r.catalogueCode}|${r.form}`, v] as const;
      })
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  const pm = await db.select().from(servicePeopleMonths).where(eq(servicePeopleMonths.stationId, stationId));
  return { stats, months: pm.map((r) => `${r.month}|${r.beneficiaryId}`).sort() };
}

/** Row counts of everything a service-record write touches (a refused one must leave them all as they were). */
export async function serviceSnapshot(db: Db) {
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0].n;
  return {
    records: await n(db.select({ n: count() }).from(serviceRecords)),
    people: await n(db.select({ n: count() }).from(serviceRecordPeople)),
    stats: await n(db.select({ n: count() }).from(serviceMonthStats)),
    months: await n(db.select({ n: count() }).from(servicePeopleMonths)),
    contacts: await n(db.select({ n: count() }).from(beneficiaryContacts)),
    alerts: await n(db.select({ n: count() }).from(alerts)),
    audit: await n(db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityType, 'serviceRecord'))),
  };
}

/** A person's last service and last home visit as stored (R-SVC-5). */
export async function contactOf(db: Db, id: string) {
  const [c] = await db.select().from(beneficiaryContacts).where(eq(beneficiaryContacts.beneficiaryId, id));
  return c ? { service: c.lastServiceOn, visit: c.lastVisitOn } : null;
}
