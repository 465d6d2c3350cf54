import type { Circular, CircularMeasure } from '@shegong/shared';
import { fmtPercent } from '../../lib/format';

export type CircularRow = Circular['rows'][number];

/** Short column titles; the full wording (CIRCULAR_MEASURE_LABELS) is in the page's note. */
export const MEASURE_TITLES: Record<CircularMeasure, string> = {
  plan: '建设进度',
  reports: '报告按时率',
  staffing: '两名驻站社工配齐率',
  qualified: '专业资质社工比例',
  services: '站均服务记录',
  visits: '走访完成率',
  evaluations: '年度评估合格率',
};

/** What each value is made of, in words: `建成 5 / 计划 8`. */
export const COUNT_WORDS: Record<CircularMeasure, [string, string]> = {
  plan: ['建成', '计划'],
  reports: ['按时', '应报'],
  staffing: ['配齐', '运营站点'],
  qualified: ['具备资质', '社工'],
  services: ['服务记录', '运营站点'],
  visits: ['已访', '应访'],
  evaluations: ['合格', '已评'],
};

/** A value as people read it: a percentage, or records per station. */
export function valueText(m: CircularMeasure, v: number | null) {
  if (m === 'services') return v == null ? '—' : `${v} 条/站`;
  return fmtPercent(v);
}

export const countText = (m: CircularMeasure, c: { part: number; whole: number }) =>
  `${COUNT_WORDS[m][0]} ${c.part} / ${COUNT_WORDS[m][1]} ${c.whole}`;

/** Where each measure's records are (every number links to what is behind it, in the reader's scope). */
export function measureLink(m: CircularMeasure, unit: string, period: string) {
  switch (m) {
    case 'plan':
      return '/progress';
    case 'reports':
      return `/reports?unit=${unit}&period=${period}`;
    case 'staffing':
    case 'qualified':
      return '/staff-overview';
    case 'evaluations':
      return `/evaluations?unit=${unit}`;
    default:
      return '/statistics';
  }
}
