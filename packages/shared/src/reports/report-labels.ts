import { REPORT_KIND_LABELS, type ReportKind } from './report-enums';

// How a report's period and title read in lists, pages and documents (UX.md formats: 2026年11月, 2026年第三季度).

const QUARTERS = ['一', '二', '三', '四'];

/** `2026年11月`, `2026年第三季度`, `2026年上半年`, or an agreement year's dates. */
export function reportPeriodLabel(r: {
  kind: ReportKind;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  agreementYear?: number | null;
}): string {
  const y = r.periodKey.slice(0, 4);
  if (r.kind === 'station_monthly') return `${y}年${Number(r.periodKey.slice(5, 7))}月`;
  if (r.kind === 'station_quarterly' || r.kind === 'county_quarterly')
    return `${y}年第${QUARTERS[Number(r.periodKey.slice(6, 7)) - 1]}季度`;
  if (r.kind === 'city_half_year') return `${y}年${r.periodKey.endsWith('H1') ? '上' : '下'}半年`;
  const year = r.agreementYear ? `第${r.agreementYear}协议年度` : '协议年度';
  const span = `${r.periodStart} 至 ${r.periodEnd}`;
  return `${year}${r.kind === 'agreement_midterm' ? '（上半年度）' : ''}（${span}）`;
}

/** `文留镇社工站2026年11月工作简报`: who, when, what. */
export function reportTitle(r: Parameters<typeof reportPeriodLabel>[0], subjectName: string): string {
  const period = reportPeriodLabel(r);
  if (r.kind === 'station_monthly' || r.kind === 'station_quarterly')
    return `${subjectName}${period}${REPORT_KIND_LABELS[r.kind].replace(/^月|^季度/, '')}`;
  if (r.kind === 'county_quarterly') return `${subjectName}${period}社工站项目实施情况报告`;
  if (r.kind === 'city_half_year') return `${subjectName}${period}社工站项目实施情况报告`;
  return `${subjectName}${period}${REPORT_KIND_LABELS[r.kind]}`;
}
