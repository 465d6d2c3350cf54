import type { Db } from '../db/database';
import { generatePeople } from './generate';
import type { DemoStation } from './demo-stations';

/**
 * The people the stations serve: the bench's generator (bulk SQL, the same rules of R-SVC-1/R-SVC-5 as the forms),
 * spread over the stations that run today, each person with one of the station's resident workers responsible.
 */
export async function addPeople(
  db: Db,
  opts: { count: number; seed: number; today: string; log: (line: string) => void },
  stations: DemoStation[],
  workersAt: (stationId: string) => string[],
): Promise<number> {
  const serving = stations.filter((s) => s.status !== 'building');
  if (!opts.count || !serving.length) return 0;
  const summary = await generatePeople(db, {
    seed: opts.seed,
    today: opts.today,
    count: opts.count,
    batch: 2_000,
    stations: serving.map((s) => ({
      id: s.id,
      divisionPath: s.township.path,
      // The township's own statistical county (the zones' townships keep their county's area code).
      countyCode: `${s.township.code.slice(0, 6)}000000`,
      townshipCode: s.township.code,
      street: s.township.kind === '街道',
      workerIds: workersAt(s.id),
    })),
    onProgress: (done) => opts.log(`  已写入 ${done} 人`),
  });
  return summary.people;
}
