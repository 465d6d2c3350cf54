import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';

// Bulk writes for the generator: one `insert … select from unnest(…)` per table and batch, never a row at a time.
// Works the same on PostgreSQL and PGlite (arrays travel as parameters).

/** A column's name and its PostgreSQL type, e.g. `['station_id', 'uuid']`. */
export type Column = readonly [name: string, type: string];

/** Column-wise buffers for one table: push a row, then write them all with `flush`. */
export class Rows {
  readonly values: unknown[][];
  constructor(
    readonly table: string,
    readonly columns: readonly Column[],
  ) {
    this.values = columns.map(() => []);
  }
  /** Appends one row; values in the order of `columns`. */
  push(...row: unknown[]) {
    for (let i = 0; i < this.columns.length; i++) this.values[i].push(row[i]);
  }
  get length() {
    return this.values[0].length;
  }
  /** Writes the buffered rows in one statement and empties the buffers. */
  async flush(db: DbOrTx) {
    if (!this.length) return 0;
    const n = this.length;
    const names = sql.raw(this.columns.map(([c]) => c).join(', '));
    const arrays = sql.join(
      this.columns.map(([, type], i) => sql`${sql.param(this.values[i])}::${sql.raw(type)}[]`),
      sql`, `,
    );
    await db.execute(sql`insert into ${sql.raw(this.table)} (${names}) select * from unnest(${arrays})`);
    for (const v of this.values) v.length = 0;
    return n;
  }
}
