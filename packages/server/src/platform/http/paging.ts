import type { PageQuery, Paged } from '@shegong/shared';
import type { PgSelect } from 'drizzle-orm/pg-core';

/** LIMIT/OFFSET of a page (pages count from 1). Repositories apply it; `total` comes from a count over the same filter. */
export const pageWindow = (q: PageQuery) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/**
 * One page of a list and its total, run together (two queries whatever the page size). `rows` is the list's query,
 * filtered and ordered, made `.$dynamic()`; its ORDER BY must end with a unique key (the id), or rows that tie
 * (inserted in one transaction share `created_at`) can repeat or go missing between pages. `total` counts the same
 * filter, e.g. `db.$count(table, where)`.
 */
export async function pageRows<Q extends PgSelect>(
  rows: Q,
  total: PromiseLike<number>,
  q: PageQuery,
): Promise<{ items: Awaited<Q>; total: number }> {
  const { limit, offset } = pageWindow(q);
  const [items, n] = await Promise.all([rows.limit(limit).offset(offset), total]);
  return { items: items as Awaited<Q>, total: n };
}

/** The one list answer shape: `{ items, total, page, pageSize }`. */
export const pageOf = <T>(items: T[], total: number, q: PageQuery): Paged<T> => ({
  items,
  total,
  page: q.page,
  pageSize: q.pageSize,
});
