import { useState } from 'react';
import type { PaginationProps } from 'antd';

export interface PagingOptions {
  /** Rows a page at first (20). */
  pageSize?: number;
  pageSizeOptions?: number[];
  /** What the total counts, after the number: `共 12 个社工站`; `null` shows no total. */
  unit?: string | null;
}

/**
 * Server-side paging of a list page: spread `query` (`{ page, pageSize }`) into the list's query, put
 * `pagination(total)` on antd's Table (or spread it on a Pagination), and call `reset()` when a filter changes so the
 * list starts again at page 1.
 */
export function usePaging({ pageSize = 20, pageSizeOptions, unit = '条' }: PagingOptions = {}) {
  const [query, setQuery] = useState({ page: 1, pageSize });
  const pagination = (total: number | undefined): PaginationProps => ({
    current: query.page,
    pageSize: query.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions,
    showTotal: unit === null ? undefined : (t) => `共 ${t} ${unit}`,
    onChange: (page, size) => setQuery({ page: size === query.pageSize ? page : 1, pageSize: size }),
  });
  const reset = () => setQuery((q) => (q.page === 1 ? q : { ...q, page: 1 }));
  return { query, pagination, reset };
}
