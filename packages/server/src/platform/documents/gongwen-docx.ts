import {
  AlignmentType,
  BorderStyle,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';

// The 公文 layout of GB/T 9704-2012 as docx building blocks (reports R-REP-3, evaluation reports R-EVAL-1): A4 with 37/35/28/26 mm margins, the
// title in 黑体 二号, first-level headings in 黑体, second-level in 楷体, body in 仿宋 三号 on a 28.95 pt grid (22 lines
// of 28 characters), page numbers 四号 as 「— 1 —」 on the outer side. The font names are the Chinese ones every
// Windows, WPS and Word install has (黑体 SimHei, 楷体 KaiTi, 仿宋 FangSong); where they are missing (LibreOffice on
// Linux) the eastAsia language tag lets the fallback pick an installed CJK font (Noto CJK), never boxes.

const mm = (v: number) => Math.round((v / 25.4) * 1440);
/** A4 and the 公文 margins, in twips. */
export const PAGE = {
  size: { width: mm(210), height: mm(297) },
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(25) },
};
/** The text width between the margins, in twips. */
export const TEXT_WIDTH = mm(210 - 28 - 26);

const font = (eastAsia: string, latin = 'Times New Roman') => ({ eastAsia, ascii: latin, hAnsi: latin, cs: latin });
export const FONTS = {
  title: font('黑体', 'SimHei'),
  heading: font('黑体', 'SimHei'),
  subheading: font('楷体', 'KaiTi'),
  body: font('仿宋', 'FangSong'),
  pageNumber: font('宋体', 'SimSun'),
};
/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
export const SIZE = { title: 44, body: 32, pageNumber: 28, table: 24 };
const LINE = { line: 579, lineRule: LineRuleType.EXACT };

type Run = Omit<IRunOptions, 'text'>;
const run = (text: string, o: Run = {}) => new TextRun({ text, font: FONTS.body, size: SIZE.body, ...o });

/** The title: 黑体 二号, centred, with a blank line of the grid after it. */
export function title(text: string) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 579 },
    children: [run(text, { font: FONTS.title, size: SIZE.title })],
  });
}

/** 主送机关: flush left, ending with a full-width colon. */
export function addressee(text: string) {
  return new Paragraph({ spacing: LINE, children: [run(`${text}：`)] });
}

/** A body paragraph indented two characters. */
export function para(text: string, o: Run = {}) {
  return new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [run(text, o)] });
}

const CN = '一二三四五六七八九十';
/** 一、二、… (1-based, up to 二十). */
export const cnNumber = (n: number) =>
  n <= 10 ? CN[n - 1] : `${n < 20 ? '' : CN[Math.floor(n / 10) - 1]}十${n % 10 ? CN[(n % 10) - 1] : ''}`;

/** 一、 in 黑体; （一） in 楷体; 1. in 仿宋 bold: the three levels of a 公文's headings. */
export function heading(level: 1 | 2 | 3, n: number, text: string) {
  const [label, o]: [string, Run] =
    level === 1
      ? [`${cnNumber(n)}、`, { font: FONTS.heading }]
      : level === 2
        ? [`（${cnNumber(n)}）`, { font: FONTS.subheading }]
        : [`${n}.`, { bold: true }];
  return new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, keepNext: true, children: [run(label + text, o)] });
}

/** 发文单位 and 成文日期 at the end, right-aligned with four characters to spare, as signed documents are. */
export function signature(sender: string, date: string) {
  const [y, m, d] = date.split('-').map(Number);
  const right = (text: string) =>
    new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [run(text)] });
  return [new Paragraph({ spacing: LINE, children: [] }), right(sender), right(`${y}年${m}月${d}日`)];
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
const cellText = (text: string, o: { bold?: boolean; align?: 'left' | 'center' | 'right' } = {}) =>
  new Paragraph({
    alignment:
      o.align === 'left' ? AlignmentType.LEFT : o.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
    spacing: { line: 300, lineRule: LineRuleType.AT_LEAST },
    children: [run(text, { size: SIZE.table, bold: o.bold })],
  });

/** A figures table: a caption line, a header row repeated on each page, the first column left-aligned, numbers right. */
export interface TableSpec {
  caption: string;
  headers: string[];
  /** Relative column widths; the first column is the label. */
  widths: number[];
  rows: (string | number)[][];
  /** A last row in bold (合计). */
  total?: (string | number)[];
  /** Rows (by index) in bold: a domain above its items. */
  boldRows?: ReadonlySet<number>;
}
/** A figure (count, decimal, percent or the dash for none): right-aligned like numbers in a printed table. */
const NUMERIC = /^(¥?-?[\d,]+(\.\d+)?%?|—)$/;
export function figuresTable(spec: TableSpec): (Paragraph | Table)[] {
  const sum = spec.widths.reduce((a, b) => a + b, 0);
  const widths = spec.widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const row = (cells: (string | number)[], o: { header?: boolean; bold?: boolean } = {}) =>
    new TableRow({
      tableHeader: o.header,
      cantSplit: true,
      children: cells.map(
        (c, i) =>
          new TableCell({
            width: { size: widths[i], type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { left: 80, right: 80, top: 30, bottom: 30 },
            children: [
              cellText(String(c), {
                bold: o.header || o.bold,
                align: o.header ? 'center' : i === 0 ? 'left' : NUMERIC.test(String(c)) ? 'right' : 'center',
              }),
            ],
          }),
      ),
    });
  const rows = [
    row(spec.headers, { header: true }),
    ...spec.rows.map((r, i) => row(r, { bold: spec.boldRows?.has(i) })),
  ];
  if (spec.total) rows.push(row(spec.total, { bold: true }));
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 60, line: 400, lineRule: LineRuleType.AT_LEAST },
      children: [run(spec.caption, { size: SIZE.table + 4, font: FONTS.heading })],
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      borders: BORDERS,
      rows,
    }),
    new Paragraph({ spacing: { line: 240, after: 120 }, children: [] }),
  ];
}

/** 「— 1 —」 in 四号 宋体, on the right of odd pages and the left of even ones. */
export function pageFooters() {
  const numbered = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Footer({
      children: [
        new Paragraph({
          alignment,
          indent: { left: 280, right: 280 },
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              font: FONTS.pageNumber,
              size: SIZE.pageNumber,
            }),
          ],
        }),
      ],
    });
  return { default: numbered(AlignmentType.RIGHT), even: numbered(AlignmentType.LEFT) };
}

/** The document's defaults: 仿宋 三号, Chinese text tagged zh-CN (so fallbacks choose a CJK font). */
export const DOCUMENT_STYLES = {
  default: {
    document: {
      run: { font: FONTS.body, size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
      paragraph: { spacing: LINE },
    },
  },
};
