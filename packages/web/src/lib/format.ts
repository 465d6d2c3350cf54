import dayjs from 'dayjs';

/** Formats of UX.md: dates YYYY-MM-DD, instants in Asia/Shanghai, areas in ㎡. */
export const fmtDate = (d: string | null | undefined) => (d ? dayjs(d).format('YYYY-MM-DD') : '—');
export const fmtDateTime = (d: string | null | undefined) =>
  d ? new Date(d).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';
export const fmtArea = (n: number | null | undefined) => (n == null ? '—' : `${n} ㎡`);
export const fmtPercent = (n: number | null | undefined) => (n == null ? '—' : `${n}%`);
