import type { PageQuery, Paged } from '@shegong/shared';

/** LIMIT/OFFSET of a page (pages count from 1). Repositories apply it; `total` comes from a count over the same filter. */
export const pageWindow = (q: PageQuery) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/** The one list answer shape: `{ items, total, page, pageSize }`. */
export const pageOf = <T>(items: T[], total: number, q: PageQuery): Paged<T> => ({
  items,
  total,
  page: q.page,
  pageSize: q.pageSize,
});
