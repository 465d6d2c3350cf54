import { CATEGORY_LABELS, SERVICE_FORM_LABELS, progressPercent, type ReportFigures } from '@shegong/shared';
import type { Paragraph, Table } from 'docx';
import { figuresTable, heading, para } from '../../platform/documents/gongwen-docx';

// The computed figures of a report (R-REP-3) as the 一、基本情况 part of its Word document: each subsection says its
// figures in a sentence and lays them out in a table, with the catalogue's, forms' and categories' Chinese names.

/** What the document needs of 附件2 to name domains and items. */
export interface CatalogueEntry {
  code: string;
  domainCode: number;
  domainName: string;
  itemName: string;
}

const hours = (minutes: number) => Math.round(minutes / 6) / 10;
const pct = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 1000) / 10}%` : '—');
const yuan = (fen: number) =>
  (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const date = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

type Block = Paragraph | Table;

const figs = (x: { records: number; personServices: number; headCount: number; minutes: number }) => [
  x.records,
  x.personServices,
  x.headCount,
  hours(x.minutes),
];
const figHeaders = ['服务记录（条）', '服务人次', '参与人次', '时长（小时）'];

/** 一、基本情况: the subsections, numbered （一）… in order, the plan's only where the report covers a division. */
export function figureSections(f: ReportFigures, catalogue: readonly CatalogueEntry[]): Block[] {
  const out: Block[] = [];
  let n = 0;
  const section = (text: string) => out.push(heading(2, ++n, text));
  const s = f.services;
  const t = s.totals;

  if (f.plan) {
    section('社工站建设进度');
    out.push(
      para(
        `截至${f.to.slice(0, 4)}年，按《实施方案》附件1计划建设乡镇（街道）社工站${f.plan.planned}个，已建成${f.plan.built}个，其中正常运营${f.plan.operating}个，完成率${progressPercent(f.plan.built, f.plan.planned) ?? '—'}${progressPercent(f.plan.built, f.plan.planned) == null ? '' : '%'}。`,
      ),
    );
  }

  section('人员配备');
  const st = f.staffing;
  out.push(
    para(
      `截至${date(st.asOf)}，运营中的社工站${st.operatingStations}个，其中驻站社工不足2名的${st.understaffedStations}个；在岗社会工作者${st.workers}人，具备社会工作专业资质的${st.qualified}人（占${pct(st.qualified, st.workers)}），已备案${st.filed}人。`,
    ),
    ...figuresTable({
      caption: '人员配备情况',
      headers: ['运营社工站', '驻站社工不足2名', '在岗社工', '具备专业资质', '资质占比', '已备案'],
      widths: [1, 1.3, 1, 1.2, 1, 1],
      rows: [
        [
          st.operatingStations,
          st.understaffedStations,
          st.workers,
          st.qualified,
          pct(st.qualified, st.workers),
          st.filed,
        ],
      ],
    }),
  );

  section('服务开展');
  out.push(
    para(
      t.records
        ? `${date(f.from)}至${date(f.to)}，共记录服务${t.records}条，服务${t.personServices}人次、${t.peopleServed}人，社区活动等参与${t.headCount}人次，服务时长${hours(t.minutes)}小时。`
        : `${date(f.from)}至${date(f.to)}，平台中没有服务记录。`,
    ),
  );
  if (t.records) out.push(...serviceTables(s, catalogue));
  section('走访、个案、预警与转介');
  out.push(
    para(
      `应走访${s.visits.due}人，已走访${s.visits.done}人，完成率${s.visits.percent == null ? '—' : `${s.visits.percent}%`}；新开个案${s.cases.opened}个，结案${s.cases.closed}个，期末在案${s.cases.active}个；发出预警${s.alerts.raised}条，处置完毕${s.alerts.handled}条；提交转介${s.referrals.submitted}件，获得帮扶${s.referrals.obtained}件、金额${yuan(s.referrals.amountFen)}元。`,
    ),
    ...figuresTable({
      caption: '走访、个案、预警与转介情况',
      headers: ['事项', '指标', '数量'],
      widths: [1.2, 2.5, 1.3],
      rows: [
        ['走访', '应走访（人）', s.visits.due],
        ['走访', '已走访（人）', s.visits.done],
        ['走访', '完成率', s.visits.percent == null ? '—' : `${s.visits.percent}%`],
        ['个案', '新开个案（个）', s.cases.opened],
        ['个案', '期末在案（个）', s.cases.active],
        ['个案', '结案（个）', s.cases.closed],
        ['预警', '发出（条）', s.alerts.raised],
        ['预警', '处置完毕（条）', s.alerts.handled],
        [
          '预警',
          '平均响应时长（小时）',
          s.alerts.meanHoursToAcknowledge == null ? '—' : s.alerts.meanHoursToAcknowledge,
        ],
        ['转介', '提交（件）', s.referrals.submitted],
        ['转介', '获得帮扶（件）', s.referrals.obtained],
        ['转介', '帮扶金额', `¥${yuan(s.referrals.amountFen)}`],
      ],
    }),
  );

  section('培训');
  out.push(
    para(
      `统计期内社会工作者参加培训${f.trainings.sessions}期，${f.trainings.participants}人次，累计${f.trainings.hours}学时。`,
    ),
  );

  if (s.breakdown.length) {
    const byUnit = s.breakdown[0].kind === 'unit';
    section(byUnit ? '各县（区）服务情况' : '各社工站服务情况');
    out.push(
      ...figuresTable({
        caption: byUnit ? '各县（区）服务情况' : '各社工站服务情况',
        headers: [byUnit ? '县（区）' : '社工站', ...figHeaders, '服务人数'],
        widths: [2.4, 1.2, 1, 1, 1.3, 1],
        rows: s.breakdown.map((b) => [b.name, ...figs(b), b.peopleServed]),
        total: ['合计', ...figs(t), t.peopleServed],
      }),
    );
  }
  return out;
}

/** 1. by domain and item, 2. by form, 3. by category: the tables under （三）服务开展. */
function serviceTables(s: ReportFigures['services'], catalogue: readonly CatalogueEntry[]): Block[] {
  const out: Block[] = [];
  const t = s.totals;
  const names = new Map(catalogue.map((c) => [c.code, c]));
  const domainName = (code: number) => catalogue.find((c) => c.domainCode === code)?.domainName ?? `领域${code}`;
  out.push(heading(3, 1, '按服务领域和项目（《实施方案》附件2）'));
  const domainRows = new Set<number>();
  const itemRows = s.byDomain.flatMap((d) => {
    const items = s.byItem.filter((i) => i.domainCode === d.domainCode);
    return [
      [`${cnDomain(d.domainCode)}${domainName(d.domainCode)}`, ...figs(d)],
      ...items.map((i) => [`\u3000${i.code} ${names.get(i.code)?.itemName ?? ''}`, ...figs(i)]),
    ];
  });
  itemRows.forEach((r, i) => (/^\S+、/.test(String(r[0])) ? domainRows.add(i) : undefined));
  out.push(
    ...figuresTable({
      caption: '服务领域和项目统计',
      headers: ['领域 / 项目', ...figHeaders],
      widths: [3.2, 1.2, 1, 1, 1.3],
      rows: itemRows,
      boldRows: domainRows,
      total: ['合计', ...figs(t)],
    }),
  );
  out.push(heading(3, 2, '按服务形式'));
  out.push(
    ...figuresTable({
      caption: '服务形式统计（含小组工作和社区活动）',
      headers: ['服务形式', ...figHeaders],
      widths: [2, 1.2, 1, 1, 1.3],
      rows: s.byForm.map((x) => [SERVICE_FORM_LABELS[x.form], ...figs(x)]),
      total: ['合计', ...figs(t)],
    }),
  );
  out.push(heading(3, 3, '按服务对象类别'));
  out.push(
    s.byCategory.length
      ? para('统计期内接受服务的对象按其所属类别计（一人属多个类别的分别计入）。')
      : para('统计期内接受服务的对象中无登记类别的记录。'),
  );
  if (s.byCategory.length)
    out.push(
      ...figuresTable({
        caption: '服务对象类别统计',
        headers: ['对象类别', '服务人数'],
        widths: [3, 1.5],
        rows: s.byCategory.map((c) => [CATEGORY_LABELS[c.category], c.people]),
      }),
    );
  if (s.byMonth.length > 1) {
    out.push(heading(3, 4, '按月份'));
    out.push(
      ...figuresTable({
        caption: '各月服务情况',
        headers: ['月份', '服务记录（条）', '服务人次'],
        widths: [2, 1.5, 1.5],
        rows: s.byMonth.map((m) => [
          `${m.month.slice(0, 4)}年${Number(m.month.slice(5, 7))}月`,
          m.records,
          m.personServices,
        ]),
      }),
    );
  }
  return out;
}

const cnDomain = (code: number) => `${'一二三四五六七八九十'[code - 1] ?? code}、`;
