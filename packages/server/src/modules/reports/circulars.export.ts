import { CIRCULAR_MEASURE_LABELS, CIRCULAR_MEASURES, type Circular, type CircularMeasure } from '@shegong/shared';
import { reportWorkbook, type SheetColumn } from '../../platform/http/xlsx';

type Row = Circular['rows'][number];

/** The short header of each measure in the sheet (the full wording is in CIRCULAR_MEASURE_LABELS). */
const HEADERS: Record<CircularMeasure, string> = {
  plan: '建设进度',
  reports: '报告按时率',
  staffing: '两名驻站社工配齐率',
  qualified: '专业资质社工比例',
  services: '站均服务记录（条）',
  visits: '走访完成率',
  evaluations: '年度评估合格率',
};

/** A measure's cell: percentages as fractions in a percent cell, records per station as a number. */
function valueColumn(m: CircularMeasure): SheetColumn<Row> {
  if (m === 'services') return { header: HEADERS[m], kind: 'number', width: 11, value: (r) => r.values[m] };
  return {
    header: HEADERS[m],
    kind: 'percent',
    width: 11,
    value: (r) => (r.values[m] == null ? null : r.values[m]! / 100),
  };
}

/**
 * 通报 in the layout offices circulate (R-REP-4, 六（七）; ADR 0007): a unit per row in overall order, each measure with
 * its rank, the counts it is made of, and the commendation marks; title, period and export time above, A4 landscape.
 */
export function circularWorkbook(c: Circular, periodLabel: string, scope: string, exportedAt: Date) {
  const columns: SheetColumn<Row>[] = [
    { header: '综合排名', kind: 'number', width: 8, value: (r) => r.overallRank },
    { header: '县（区）', kind: 'text', width: 12, value: (r) => r.name },
    ...CIRCULAR_MEASURES.flatMap((m): SheetColumn<Row>[] => [
      valueColumn(m),
      { header: '名次', kind: 'number', width: 6, value: (r) => r.ranks[m] },
    ]),
    {
      header: '依据（已建/计划；按时/应报；配齐/运营站点；具备资质/社工；服务记录/运营站点；已访/应访）',
      kind: 'wraptext',
      width: 34,
      value: (r) => CIRCULAR_MEASURES.map((m) => `${r.counts[m].part}/${r.counts[m].whole}`).join('；'),
    },
    {
      header: '表彰',
      kind: 'wraptext',
      width: 18,
      value: (r) => (r.commended ? `拟表彰${r.commendationNote ? `：${r.commendationNote}` : ''}` : ''),
    },
  ];
  const measures = CIRCULAR_MEASURES.map((m) => CIRCULAR_MEASURE_LABELS[m]).join('、');
  return reportWorkbook<Row>({
    name: '通报',
    title: `濮阳市乡镇（街道）社工站工作进展通报（${periodLabel}）`,
    scope,
    filters: `期间：${periodLabel}（${c.from} 至 ${c.to}）；指标：${measures}；名次在 ${c.unitCount} 个县（区）中排列`,
    exportedAt,
    columns,
    rows: c.rows,
  });
}
