import dayjs from 'dayjs';

/** Formats of UX.md: dates YYYY-MM-DD, instants YYYY-MM-DD HH:mm:ss in Asia/Shanghai (the sv-SE locale writes ISO order), areas in ㎡. */
export const fmtDate = (d: string | null | undefined) => (d ? dayjs(d).format('YYYY-MM-DD') : '—');
export const fmtDateTime = (d: string | null | undefined) =>
  d ? new Date(d).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }) : '—';
export const fmtArea = (n: number | null | undefined) => (n == null ? '—' : `${n} ㎡`);
export const fmtPercent = (n: number | null | undefined) => (n == null ? '—' : `${n}%`);
