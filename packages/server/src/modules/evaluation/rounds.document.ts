import { Document, Packer, type Paragraph, type Table } from 'docx';
import {
  EVALUATION_KIND_LABELS,
  RECTIFICATION_STATUS_LABELS,
  type EvaluationRoundView,
  type RectificationStatus,
} from '@shegong/shared';
import {
  DOCUMENT_STYLES,
  PAGE,
  addressee,
  figuresTable,
  heading,
  pageFooters,
  para,
  signature,
  title,
} from '../../platform/documents/gongwen-docx';

/** A round's rectification items as the report lists them. */
export interface ReportedItem {
  finding: string;
  requirement: string;
  deadline: string;
  status: RectificationStatus;
}

export interface RoundDocumentInput {
  view: EvaluationRoundView;
  items: ReportedItem[];
  /** Who evaluated (the county's or the city's bureau, or the contractor for its self-assessment). */
  sender: string;
  addressee: string;
  date: string;
}

const lines = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
const num = (n: number | null) => (n === null ? '—' : String(n));

/** The title a round's report carries: the contract, the agreement year and the kind. */
export const roundTitle = (v: EvaluationRoundView) =>
  `${v.contractTitle}第${v.yearNo}年度${EVALUATION_KIND_LABELS[v.kind]}报告`;

/**
 * R-EVAL-1 (六（六）“强化绩效评估结果反馈”): a round as an evaluation report in 公文 layout — what was evaluated and
 * how, the result, the score of every item with the platform's figure and the evaluator's reason, what was seen on
 * site, the findings and the rectification items with their deadlines, signed by the evaluating bureau.
 */
export async function roundDocument(input: RoundDocumentInput): Promise<Buffer> {
  const { view: v } = input;
  const kind = EVALUATION_KIND_LABELS[v.kind];
  const period = `${v.periodStart} 至 ${v.periodEnd}`;
  const body: (Paragraph | Table)[] = [
    title(roundTitle(v)),
    addressee(input.addressee),
    para(
      `根据《实施方案》五（三）、六（六）关于绩效评估的要求，${input.sender}对${v.organisationName}承接的《${v.contractTitle}》第${v.yearNo}年度（${period}）开展了${kind}，现将评估情况反馈如下：`,
    ),
  ];
  let n = 0;
  body.push(heading(1, ++n, '评估基本情况'));
  const sample = v.sample
    ? v.sample.mode === 'random'
      ? `随机抽取（种子 ${v.sample.seed}，从 ${v.sample.on} 在履行的 ${v.sample.poolSize} 个年度协议中抽取）`
      : `指定抽查（${v.sample.reason}）`
    : null;
  body.push(
    ...figuresTable({
      caption: '评估基本情况',
      headers: ['项目', '内容'],
      widths: [1.2, 3.8],
      rows: [
        ['合同', v.contractTitle],
        ['承接机构', v.organisationName],
        ['县（区）', v.unitName],
        ['评估期间', period],
        ['指标体系', v.setName],
        ['评估人员', v.evaluators || '—'],
        ['实地评估日期', v.visitOn ?? '—'],
        ...(sample ? [['抽查方式', sample]] : []),
      ],
    }),
  );

  body.push(heading(1, ++n, '评估结果'));
  if (v.status === 'signed_off')
    body.push(
      para(
        `总分 ${v.total} 分（满分 ${v.totalPoints} 分），等次为“${v.grade}”，${v.passed ? '达到' : '未达到'}合格线（${v.passLine} 分）。`,
      ),
    );
  else
    body.push(
      para(
        `本次评估尚未签署，以下为当前评分（已评 ${v.items.filter((i) => i.score !== null).length} 项，共 ${v.items.length} 项）。`,
      ),
    );
  if (v.annual?.complete)
    body.push(
      para(
        `第${v.yearNo}年度评估结果：${v.annual.score} 分，${v.annual.grade}，${v.annual.passed ? '合格，可续签下一年度服务协议' : '不合格，不予续签，按照政府采购程序重新确定承接主体'}（${v.annual.basis}）。`,
      ),
    );
  const dims = [...new Set(v.items.map((i) => i.dimension))];
  body.push(
    ...figuresTable({
      caption: '各一级指标得分',
      headers: ['一级指标', '分值', '得分'],
      widths: [3, 1, 1],
      rows: dims.map((d) => {
        const items = v.items.filter((i) => i.dimension === d);
        const sum = (f: (i: (typeof items)[number]) => number) =>
          Math.round(items.reduce((a, i) => a + f(i) * 10, 0)) / 10;
        return [d, sum((i) => i.points), sum((i) => i.score ?? 0)];
      }),
      total: ['合计', v.totalPoints, num(v.total ?? null)],
    }),
  );

  body.push(heading(1, ++n, '分项评分'));
  body.push(
    ...figuresTable({
      caption: '分项评分（平台数据由平台根据业务记录自动计算）',
      headers: ['指标', '分值', '平台数据', '得分', '说明'],
      widths: [2.2, 0.7, 2.6, 0.7, 2],
      rows: v.items.map((i) => [
        `${i.key} ${i.name}`,
        i.points,
        i.figure?.text ?? '—',
        num(i.score),
        [i.reason && `调整理由：${i.reason}`, i.note].filter(Boolean).join('；') || '—',
      ]),
    }),
  );

  body.push(heading(1, ++n, '实地评估情况'));
  body.push(...(lines(v.visitNotes).length ? lines(v.visitNotes).map((l) => para(l)) : [para('（未填写）')]));

  body.push(heading(1, n + 1, '发现的问题和整改要求'));
  body.push(...(lines(v.findings).length ? lines(v.findings).map((l) => para(l)) : [para('（未发现需要整改的问题）')]));
  if (input.items.length)
    body.push(
      para(`请${v.organisationName}按期完成整改，并在平台提交整改情况和佐证材料。`),
      ...figuresTable({
        caption: '整改事项',
        headers: ['问题', '整改要求', '整改期限', '状态'],
        widths: [2.4, 2.4, 1.2, 1],
        rows: input.items.map((i) => [
          i.finding,
          i.requirement || '—',
          i.deadline,
          RECTIFICATION_STATUS_LABELS[i.status],
        ]),
      }),
    );
  body.push(...signature(input.sender, input.date));

  const doc = new Document({
    creator: input.sender,
    title: roundTitle(v),
    styles: DOCUMENT_STYLES,
    evenAndOddHeaderAndFooters: true,
    sections: [{ properties: { page: PAGE }, footers: pageFooters(), children: body }],
  });
  return Packer.toBuffer(doc);
}
