import { CATEGORY_LABELS, REPORT_STATUS_LABELS, SERVICE_FORM_LABELS, type ReportView } from '@shegong/shared';
import { addReportSheet, ExcelJS, type SheetColumn } from '../../platform/http/xlsx';
import type { CatalogueEntry } from './reports.document-figures';

// A report's figures as a workbook (R-REP-3, issue 12 "Export"): one sheet per table of the Word document, each in
// the house style (ADR 0007: title, 范围, 统计期, 导出时间; A4 landscape fitted to the width, header row repeated).

interface Line {
  section: string;
  item: string;
  value: number | string | null;
  unit: string;
}
interface Figs {
  label: string;
  records: number;
  personServices: number;
  headCount: number;
  minutes: number;
  peopleServed?: number;
}

const hours = (minutes: number) => Math.round(minutes / 6) / 10;
const figColumns = (first: string, withPeople = false): SheetColumn<Figs>[] => [
  { header: first, kind: 'text', width: 30, value: (r) => r.label },
  { header: '服务记录（条）', kind: 'number', width: 14, value: (r) => r.records },
  { header: '服务人次', kind: 'number', width: 12, value: (r) => r.personServices },
  { header: '参与人次', kind: 'number', width: 12, value: (r) => r.headCount },
  { header: '服务时长（小时）', kind: 'number', width: 16, value: (r) => hours(r.minutes) },
  ...(withPeople
    ? [{ header: '服务人数', kind: 'number' as const, width: 12, value: (r: Figs) => r.peopleServed }]
    : []),
];

/** The summary lines: plan, staffing, totals, visits, cases, alerts, referrals and trainings. */
function summary(v: ReportView): Line[] {
  const f = v.figures;
  const s = f.services;
  const line = (section: string, item: string, value: Line['value'], unit = ''): Line => ({
    section,
    item,
    value,
    unit,
  });
  return [
    ...(f.plan
      ? [
          line('建设进度', `计划建设（截至${f.to.slice(0, 4)}年）`, f.plan.planned, '个'),
          line('建设进度', '已建成', f.plan.built, '个'),
          line('建设进度', '正常运营', f.plan.operating, '个'),
        ]
      : []),
    line('人员配备', `运营社工站（${f.staffing.asOf}）`, f.staffing.operatingStations, '个'),
    line('人员配备', '驻站社工不足2名的社工站', f.staffing.understaffedStations, '个'),
    line('人员配备', '在岗社会工作者', f.staffing.workers, '人'),
    line('人员配备', '具备专业资质', f.staffing.qualified, '人'),
    line('人员配备', '已备案', f.staffing.filed, '人'),
    line('服务开展', '服务记录', s.totals.records, '条'),
    line('服务开展', '服务人次', s.totals.personServices, '人次'),
    line('服务开展', '服务人数', s.totals.peopleServed, '人'),
    line('服务开展', '社区活动等参与', s.totals.headCount, '人次'),
    line('服务开展', '服务时长', hours(s.totals.minutes), '小时'),
    line('走访', '应走访', s.visits.due, '人'),
    line('走访', '已走访', s.visits.done, '人'),
    line('走访', '完成率', s.visits.percent, '%'),
    line('个案', '新开个案', s.cases.opened, '个'),
    line('个案', '期末在案', s.cases.active, '个'),
    line('个案', '结案', s.cases.closed, '个'),
    line('预警', '发出', s.alerts.raised, '条'),
    line('预警', '处置完毕', s.alerts.handled, '条'),
    line('预警', '平均响应时长', s.alerts.meanHoursToAcknowledge, '小时'),
    line('转介', '提交', s.referrals.submitted, '件'),
    line('转介', '获得帮扶', s.referrals.obtained, '件'),
    line('转介', '帮扶金额', s.referrals.amountFen / 100, '元'),
    line('培训', '参加培训', f.trainings.sessions, '期'),
    line('培训', '参训', f.trainings.participants, '人次'),
    line('培训', '学时', f.trainings.hours, '学时'),
  ];
}

/** The .xlsx bytes of a report's figures; `catalogue` names 附件2's domains and items. */
export async function reportWorkbook(
  v: ReportView,
  catalogue: readonly CatalogueEntry[],
  exportedAt: Date,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = v.figures.services;
  const base = {
    scope: v.subjectName,
    filters: `统计期 ${v.periodLabel}（${v.figures.from} 至 ${v.figures.to}）${v.frozen ? '，接收时固定的数据' : ''}`,
    exportedAt,
  };
  addReportSheet<Line>(wb, {
    ...base,
    name: '概况',
    title: `${v.title}·数据概况`,
    columns: [
      { header: '类别', kind: 'text', width: 14, value: (r) => r.section },
      { header: '指标', kind: 'text', width: 34, value: (r) => r.item },
      { header: '数值', kind: 'number', width: 14, value: (r) => r.value },
      { header: '单位', kind: 'text', width: 10, value: (r) => r.unit },
    ],
    rows: summary(v),
  });
  const names = new Map(catalogue.map((c) => [c.code, c]));
  const domainName = (code: number) => catalogue.find((c) => c.domainCode === code)?.domainName ?? `领域${code}`;
  const total = { label: '合计', ...s.totals };
  addReportSheet<Figs>(wb, {
    ...base,
    name: '领域和项目',
    title: `${v.title}·按服务领域和项目`,
    columns: figColumns('领域 / 项目（附件2）'),
    rows: s.byDomain.flatMap((d) => [
      { label: domainName(d.domainCode), ...d },
      ...s.byItem
        .filter((i) => i.domainCode === d.domainCode)
        .map((i) => ({ ...i, label: `  ${i.code} ${names.get(i.code)?.itemName ?? ''}` })),
    ]),
    total,
  });
  addReportSheet<Figs>(wb, {
    ...base,
    name: '服务形式',
    title: `${v.title}·按服务形式`,
    columns: figColumns('服务形式'),
    rows: s.byForm.map((x) => ({ ...x, label: SERVICE_FORM_LABELS[x.form] })),
    total,
  });
  if (s.byMonth.length > 1)
    addReportSheet<ReportView['figures']['services']['byMonth'][number]>(wb, {
      ...base,
      name: '按月份',
      title: `${v.title}·各月服务情况`,
      columns: [
        {
          header: '月份',
          kind: 'text',
          width: 12,
          value: (m) => `${m.month.slice(0, 4)}年${Number(m.month.slice(5, 7))}月`,
        },
        { header: '服务记录（条）', kind: 'number', width: 14, value: (m) => m.records },
        { header: '服务人次', kind: 'number', width: 12, value: (m) => m.personServices },
      ],
      rows: s.byMonth,
    });
  addReportSheet<{ label: string; people: number }>(wb, {
    ...base,
    name: '对象类别',
    title: `${v.title}·服务对象类别`,
    columns: [
      { header: '对象类别', kind: 'text', width: 30, value: (r) => r.label },
      { header: '服务人数', kind: 'number', width: 12, value: (r) => r.people },
    ],
    rows: s.byCategory.map((c) => ({ label: CATEGORY_LABELS[c.category], people: c.people })),
  });
  if (s.breakdown.length) {
    const byUnit = s.breakdown[0].kind === 'unit';
    addReportSheet<Figs>(wb, {
      ...base,
      name: byUnit ? '各县（区）' : '各社工站',
      title: `${v.title}·${byUnit ? '各县（区）' : '各社工站'}服务情况`,
      columns: figColumns(byUnit ? '县（区）' : '社工站', true),
      rows: s.breakdown.map((b) => ({ ...b, label: b.name })),
      total,
    });
  }
  if (v.gathered.length)
    addReportSheet<ReportView['gathered'][number]>(wb, {
      ...base,
      name: '下级报告',
      title: `${v.title}·下级报告报送情况`,
      columns: [
        { header: '报告', kind: 'text', width: 40, value: (g) => g.title },
        { header: '状态', kind: 'text', width: 10, value: (g) => REPORT_STATUS_LABELS[g.status] },
        { header: '截止日期', kind: 'date', value: (g) => g.dueOn },
        { header: '首次报送', kind: 'date', value: (g) => g.firstSubmittedOn },
        { header: '逾期天数', kind: 'number', value: (g) => (g.late ? g.daysLate : null) },
      ],
      rows: v.gathered,
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
