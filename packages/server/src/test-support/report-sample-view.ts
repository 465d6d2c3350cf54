import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SERVICE_FORMS, type ReportFigures, type ReportView } from '@shegong/shared';
import type { CatalogueEntry } from '../modules/reports/reports.document-figures';

// A county's quarterly report as its view, with figures and narrative of a realistic size, for the document and
// workbook tests (they test layout, not counting: the figures' own test checks counts against the records).

/** 附件2 as the divisions service loads it, read from the shared data file. */
export function sampleCatalogue(): CatalogueEntry[] {
  const file = path.join(import.meta.dirname, '../../../shared/data/service-catalogue.json');
  const rows = JSON.parse(readFileSync(file, 'utf8')) as {
    domainCode: number;
    domainName: string;
    itemNumber: number;
    itemName: string;
  }[];
  return rows.map((r) => ({ ...r, code: `${r.domainCode}.${r.itemNumber}` }));
}

const fig = (records: number) => ({
  records,
  personServices: records * 2,
  headCount: records * 3,
  minutes: records * 45,
});

export function sampleFigures(): ReportFigures {
  const items = sampleCatalogue().filter((_, i) => i % 2 === 0);
  const byItem = items.map((c, i) => ({ code: c.code, domainCode: c.domainCode, ...fig(10 + i) }));
  const domains = [...new Set(items.map((c) => c.domainCode))];
  const sum = (rs: ReturnType<typeof fig>[]) =>
    rs.reduce(
      (a, r) => ({
        records: a.records + r.records,
        personServices: a.personServices + r.personServices,
        headCount: a.headCount + r.headCount,
        minutes: a.minutes + r.minutes,
      }),
      fig(0),
    );
  const totals = sum(byItem);
  const stations = ['柳屯镇社工站', '文留镇社工站', '庆祖镇社工站', '八公桥镇社工站', '城关镇社工站'];
  return {
    computedAt: '2026-07-03T02:00:00.000Z',
    from: '2026-04-01',
    to: '2026-06-30',
    plan: { planned: 20, built: 18, operating: 17 },
    staffing: {
      asOf: '2026-06-30',
      operatingStations: 17,
      understaffedStations: 2,
      workers: 38,
      qualified: 30,
      filed: 35,
    },
    services: {
      totals: { ...totals, peopleServed: 412 },
      byDomain: domains.map((d) => ({ domainCode: d, ...sum(byItem.filter((i) => i.domainCode === d)) })),
      byItem,
      byForm: SERVICE_FORMS.map((form, i) => ({ form, ...fig(i * 7) })),
      byMonth: ['2026-04', '2026-05', '2026-06'].map((month) => ({ month, records: 100, personServices: 200 })),
      byCategory: [
        { category: 'dibao', people: 210 },
        { category: 'tekun', people: 65 },
        { category: 'left_behind_child', people: 48 },
        { category: 'hardship_elder', people: 30 },
      ],
      visits: { due: 160, done: 142, percent: 88.8 },
      cases: { opened: 12, active: 20, closed: 7 },
      alerts: { raised: 4, handled: 3, meanHoursToAcknowledge: 2.5 },
      referrals: { submitted: 15, obtained: 9, amountFen: 1_234_500 },
      breakdown: stations.map((name, i) => ({
        kind: 'station' as const,
        id: `s${i}`,
        name,
        ...fig(40 + i),
        peopleServed: 80 + i,
      })),
    },
    trainings: { sessions: 3, participants: 41, hours: 96 },
    volunteers: null,
    targets: null,
    funds: null,
  };
}

const long = (topic: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `${i + 1}.${topic}：各社工站围绕困难群众、留守儿童和特殊困难老人开展走访和帮扶，建立服务台账，联系村（社区）干部和志愿者共同跟进，确保需求及时发现、服务及时到位。`,
  ).join('\n');

export function sampleView(): ReportView {
  const gathered = ['柳屯镇', '文留镇', '庆祖镇', '八公桥镇', '城关镇'].map((town, i) => ({
    id: `g${i}`,
    kind: 'station_quarterly' as const,
    title: `${town}社工站2026年第二季度工作简报`,
    subjectName: `${town}社工站`,
    status: (['accepted', 'submitted', 'returned', 'draft', 'accepted'] as const)[i],
    dueOn: '2026-07-10',
    firstSubmittedOn: i === 3 ? null : i === 2 ? '2026-07-13' : '2026-07-09',
    late: i === 2 || i === 3,
    daysLate: i === 2 ? 3 : i === 3 ? 5 : 0,
  }));
  return {
    id: 'r1',
    kind: 'county_quarterly',
    title: '濮阳县2026年第二季度社工站项目实施情况报告',
    periodKey: '2026-Q2',
    periodLabel: '2026年第二季度',
    periodStart: '2026-04-01',
    periodEnd: '2026-06-30',
    dueOn: '2026-07-15',
    status: 'draft',
    subjectName: '濮阳县',
    unitCode: '410928000000',
    unitName: '濮阳县',
    organisationId: null,
    organisationName: null,
    stationId: null,
    firstSubmittedOn: null,
    acceptedOn: null,
    late: false,
    daysLate: 0,
    revision: 1,
    clause: '二（二）',
    receiver: '濮阳市民政局',
    narrative: {
      work_done: long('工作开展', 6),
      highlights: long('亮点成效', 3),
      // A pasted control character and XML's special characters: the document must still open (docx drops the one, escapes the others).
      problems: '部分社工站驻站社工不足2名，人员流动较大。\n个别社工站服务记录填写不够及时，<需协调> & 配合\u0007。',
      next_steps: long('下一步', 2),
    },
    figures: sampleFigures(),
    frozen: false,
    returnComment: null,
    gathered,
    attachments: [],
    revisions: [],
    version: 1,
    abilities: { edit: true, submit: true, accept: false, return: false, reopen: false, export: true },
  };
}
