import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/audit.table';
import { evaluationFixture, openRound } from '../../test-support/evaluation-fixture';
import { run, toPdf } from '../../test-support/print';
import { createTestApp, DIV } from '../../test-support/test-app';

/**
 * R-EVAL-1 exports (issue 13: "evaluation reports as .docx in 公文 layout and scores as .xlsx"): a signed 末期评估 with
 * a finding and a rectification item, downloaded through the API, converted to PDF by LibreOffice and read back.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'shegong-evaluation-'));
const t = await createTestApp({ today: '2026-12-20' });
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});
const text = async (pdf: string, page?: number) =>
  (await run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', pdf, '-'])).stdout;

describe('evaluation exports (R-EVAL-1)', () => {
  it('R-EVAL-1 the evaluation report prints as an A4 公文 and the scores as a sheet, both audited and scoped', async () => {
    const f = await evaluationFixture(t, 951);
    const id = await openRound(t, f.county, { kind: 'final', setId: f.setId, contractId: f.contractId });
    const round = (await t.call(f.county, 'GET', `/api/v1/evaluation-rounds/${id}`)).json();
    const scores = (round.items as { key: string; points: number; suggested: number | null }[]).map((it) => ({
      key: it.key,
      score: it.points,
      reason: it.suggested !== null && it.suggested !== it.points ? '现场核实后调整' : '',
    }));
    const saved = await t.call(f.county, 'PUT', `/api/v1/evaluation-rounds/${id}/scores`, {
      version: round.version,
      scores,
      evaluators: '县民政局评估组 张明、李华',
      visitOn: '2026-12-18',
      visitNotes: '查看站点服务台账，访谈服务对象三名。',
      findings: '部分服务档案缺少服务对象签名。',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const item = await t.call(f.county, 'POST', '/api/v1/rectifications', {
      roundId: id,
      finding: '服务档案缺少签名',
      requirement: '补齐签名并建立档案核查制度',
      deadline: '2027-01-20',
    });
    expect(item.statusCode, item.body).toBe(201);
    const signed = await t.call(f.county, 'POST', `/api/v1/evaluation-rounds/${id}/sign-off`, {
      version: saved.json().version,
    });
    expect(signed.statusCode, signed.body).toBe(200);

    const docx = await t.call(f.county, 'GET', `/api/v1/evaluation-rounds/${id}/report.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain(
      encodeURIComponent('柳屯镇社工站合同第1年度末期评估报告.docx'),
    );
    const xlsx = await t.call(f.county, 'GET', `/api/v1/evaluation-rounds/${id}/scores.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const other = (await t.as('county_officer', DIV.qingfeng)).session;
    expect((await t.call(other, 'GET', `/api/v1/evaluation-rounds/${id}/report.docx`)).statusCode).toBe(404);
    const exported = await t.db
      .select({ summary: auditEvents.summary })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'export')))
      .orderBy(asc(auditEvents.at));
    expect(exported.map((e) => e.summary)).toEqual([
      '导出评估报告（Word）：柳屯镇社工站合同第1年度末期评估报告',
      '导出评分表（Excel）：柳屯镇社工站合同第1年度末期评估报告',
    ]);

    // The scores sheet: every item with its points and score, the total row equal to the sum of the scores sent.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => void cells.push(c.text)));
    expect(cells).toContain('柳屯镇社工站合同第1年度末期评估评分表');
    expect(cells).toContain('驻站社工配备');
    expect(cells).toContain('合计');
    const sum = scores.reduce((a, s) => a + s.score * 10, 0) / 10;
    expect(cells).toContain(String(sum));

    // The report as an office prints it: A4, numbered pages, CJK fonts embedded, the sections in words, no codes.
    const file = path.join(dir, 'round.docx');
    writeFileSync(file, docx.rawPayload);
    await toPdf(dir, [file]);
    const pdf = path.join(dir, 'round.pdf');
    const info = (await run('pdfinfo', [pdf])).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.89 pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (const p of [1, pages]) expect(await text(pdf, p)).toMatch(new RegExp(`—\\s*${p}\\s*—`));
    const fonts = (await run('pdffonts', [pdf])).stdout.split('\n').slice(2).filter(Boolean);
    expect(
      fonts.some((l) => /CJK|WenQuanYi|Source ?Han|Droid ?Sans ?Fallback/i.test(l)),
      fonts.join('\n'),
    ).toBe(true);
    for (const l of fonts) expect(l, 'every font embedded').toMatch(/\byes\s+yes\b/);
    const all = (await text(pdf)).replace(/\s+/g, '');
    for (const words of [
      '柳屯镇社工站合同第1年度末期评估报告',
      '濮阳县益民社会工作服务中心：',
      '一、评估基本情况',
      '二、评估结果',
      `总分${sum}分`,
      '三、分项评分',
      '1.1.1驻站社工配备',
      '四、实地评估情况',
      '访谈服务对象三名',
      '五、发现的问题和整改要求',
      '服务档案缺少签名',
      '2027-01-20',
      '待整改',
      '濮阳县民政局',
      '2026年12月20日',
    ])
      expect(all, words).toContain(words);
    for (const code of ['midterm', 'final', 'signed_off', 'open', 'staffing', 'graded', 'purchaser'])
      expect(all.toLowerCase(), `no raw code ${code}`).not.toContain(code);
  });
});
