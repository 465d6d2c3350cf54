import {
  REPORT_AUTHOR,
  REPORT_SECTION_LABELS,
  REPORT_SECTIONS,
  REPORT_STATUS_LABELS,
  type ReportView,
} from '@shegong/shared';
import { Document, Packer, Paragraph, type Table } from 'docx';
import { shanghaiDate } from '../../platform/clock';
import { figureSections, type CatalogueEntry } from './reports.document-figures';
import {
  addressee,
  DOCUMENT_STYLES,
  figuresTable,
  heading,
  PAGE,
  pageFooters,
  para,
  signature,
  title,
} from '../../platform/documents/gongwen-docx';

// A report as a Word document in 公文 layout (R-REP-3, issue 12 "Export"): title, 主送, the figures computed from the
// records with their tables, the gathered reports of the level below, the narrative sections people wrote, and the
// sending unit and date. A pure function of the report's view: what the reader may see is decided before it.

export interface ReportDocumentInput {
  view: ReportView;
  /** 附件2, to name domains and items. */
  catalogue: readonly CatalogueEntry[];
  /** 成文日期 (`YYYY-MM-DD`): the day it was first submitted, or today for a draft. */
  date: string;
  /** 发文单位; by default the contractor for its reports, else the unit's civil affairs bureau. */
  sender?: string;
  /** 主送机关 by name (濮阳县民政局); by default the view's receiver. */
  addressee?: string;
}

const PLAN = '《濮阳市乡镇（街道）社会工作服务站建设实施方案》';
/** The plan's clause in full the first time a document names it. */
const clauseOf = (view: ReportView) =>
  view.clause.startsWith('《') ? view.clause.replace(/^《实施方案》/, PLAN) : `${PLAN}${view.clause}`;

/** Who signs a report: the contractor for station and agreement reports, else the level's 民政局. */
export function senderOf(view: ReportView): string {
  if (REPORT_AUTHOR[view.kind] === 'contractor') return view.organisationName ?? view.subjectName;
  return `${view.unitName}民政局`;
}

const day = (d: string | null) => {
  if (!d) return '—';
  const [y, m, dd] = d.split('-').map(Number);
  return `${y}年${m}月${dd}日`;
};

/** The paragraphs of a narrative section: one per line written, blank lines dropped. */
const paragraphs = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The .docx bytes of a report. */
export async function reportDocument(input: ReportDocumentInput): Promise<Buffer> {
  const { view } = input;
  const f = view.figures;
  const body: (Paragraph | Table)[] = [
    title(view.title),
    addressee(input.addressee ?? view.receiver),
    para(`根据${clauseOf(view)}的要求，现将${view.subjectName}${view.periodLabel}有关工作情况报告如下：`),
  ];
  let n = 0;
  body.push(heading(1, ++n, '基本情况'));
  body.push(...figureSections(f, input.catalogue));

  if (view.gathered.length) {
    body.push(heading(1, ++n, view.kind === 'city_half_year' ? '各县（区）报告报送情况' : '各社工站报告报送情况'));
    const late = view.gathered.filter((g) => g.late).length;
    const missing = view.gathered.filter((g) => !g.firstSubmittedOn).length;
    body.push(
      para(`应报${view.gathered.length}份，未报${missing}份，逾期${late}份（截止日当天报送的不算逾期）。`),
      ...figuresTable({
        caption: '下级报告报送情况',
        headers: ['报告', '状态', '截止日期', '首次报送', '逾期天数'],
        widths: [3.3, 1, 1.6, 1.6, 1.1],
        rows: view.gathered.map((g) => [
          g.title,
          REPORT_STATUS_LABELS[g.status],
          g.dueOn,
          g.firstSubmittedOn ?? '—',
          g.late ? g.daysLate : '—',
        ]),
      }),
    );
  }

  for (const section of REPORT_SECTIONS) {
    body.push(heading(1, ++n, REPORT_SECTION_LABELS[section]));
    const lines = paragraphs(view.narrative[section]);
    body.push(...(lines.length ? lines.map((l) => para(l)) : [para('（未填写）')]));
  }

  body.push(
    para(
      `注：本报告数据由平台根据${day(f.from)}至${day(f.to)}的服务记录等业务数据自动生成${view.frozen ? '，为报告接收时固定的数据' : `，生成于${day(shanghaiDate(new Date(f.computedAt)))}`}。`,
      { size: 28 },
    ),
    ...signature(input.sender ?? senderOf(view), input.date),
  );

  const doc = new Document({
    creator: input.sender ?? senderOf(view),
    title: view.title,
    styles: DOCUMENT_STYLES,
    evenAndOddHeaderAndFooters: true,
    sections: [{ properties: { page: PAGE }, footers: pageFooters(), children: body }],
  });
  return Packer.toBuffer(doc);
}
