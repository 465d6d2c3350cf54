import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/audit.table';
import { sampleCatalogue, sampleView } from '../../test-support/report-sample-view';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { buildTwoWorlds, WORLDS_TODAY, type TwoWorlds } from '../../test-support/two-worlds';
import { openWorldReports } from '../../test-support/world-reports';
import { reportDocument } from './reports.document';
import { reportWorkbook } from './reports.workbook';
import { run, toPdf } from '../../test-support/print';

/**
 * Issue 12 "Export" (R-REP-3): a report prints as a 公文 and its figures as an A4 sheet. LibreOffice (headless) converts
 * both to PDF and poppler reads them back: A4 pages, the page count matching the 「— N —」 page numbers, CJK fonts
 * embedded (no boxes), the numbered sections and the tables' Chinese names, no codes. Needs soffice and poppler-utils.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'shegong-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = async (pdf: string, page?: number) =>
  (await run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', pdf, '-'])).stdout;
const pagesOf = (info: string) => Number(/Pages:\s+(\d+)/.exec(info)![1]);

/** Every embedded font of a PDF, and whether each is a CJK face. */
async function fonts(pdf: string) {
  const lines = (await run('pdffonts', [pdf])).stdout.split('\n').slice(2).filter(Boolean);
  return lines.map((l) => ({ line: l, cjk: /CJK|WenQuanYi|Source ?Han|Droid ?Sans ?Fallback/i.test(l) }));
}

describe('report exports print (R-REP-3)', () => {
  it('R-REP-3 the Word document converts to A4 PDF pages in 公文 layout with CJK fonts and numbered pages', async () => {
    const view = sampleView();
    const docx = path.join(dir, 'report.docx');
    writeFileSync(docx, await reportDocument({ view, catalogue: sampleCatalogue(), date: '2026-07-10' }));
    await toPdf(dir, [docx]);
    const pdf = path.join(dir, 'report.pdf');
    const info = (await run('pdfinfo', [pdf])).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.89 pts \(A4\)/);
    const pages = pagesOf(info);
    // Figures, tables, gathered reports and five narrative sections: several pages, each numbered 「— N —」.
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(12);
    for (const p of [1, pages]) expect(await text(pdf, p)).toMatch(new RegExp(`—\\s*${p}\\s*—`));

    const f = await fonts(pdf);
    expect(f.length).toBeGreaterThan(0);
    expect(f.filter((x) => x.cjk).length, f.map((x) => x.line).join('\n')).toBeGreaterThan(0);
    for (const x of f) expect(x.line, 'every font embedded').toMatch(/\byes\s+yes\b/);

    const first = await text(pdf, 1);
    expect(first.replace(/\s+/g, '')).toContain('濮阳县2026年第二季度社工站项目实施情况报告');
    expect(first).toContain('濮阳市民政局：');
    const all = (await text(pdf)).replace(/[ \t]+/g, '');
    for (const words of [
      '一、基本情况',
      '（一）社工站建设进度',
      '（二）人员配备',
      '（三）服务开展',
      '1.按服务领域和项目',
      '一、社会救助',
      '1.1政策宣传',
      '走访入户',
      '最低生活保障对象',
      '（六）各社工站服务情况',
      '二、各社工站报告报送情况',
      '已退回',
      '三、工作开展情况',
      '七、经验总结',
      '（未填写）',
      '4.按月份',
      '2026年5月',
      '濮阳县民政局',
      '2026年7月10日',
      '¥12,345.00',
      '<需协调>&配合。',
    ])
      expect(all, words).toContain(words);
    // Users see words, never codes or ids.
    expect(all).not.toMatch(/R-[A-Z]+-\d|dibao|home_visit|station_quarterly|accepted|undefined|null|NaN/);
  }, 180_000);

  it('R-REP-3 the figures workbook prints on A4 landscape fitted to the width, with its title, scope, period and time', async () => {
    const view = sampleView();
    const buf = await reportWorkbook(view, sampleCatalogue(), new Date('2026-07-10T02:00:00Z'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '概况',
      '领域和项目',
      '服务形式',
      '按月份',
      '对象类别',
      '各社工站',
      '下级报告',
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
      });
      expect(ws.getCell('A1').value, ws.name).toContain(view.title);
      expect(ws.getCell('A2').value, ws.name).toBe('范围：濮阳县');
      expect(ws.getCell('A3').value, ws.name).toContain('2026年第二季度（2026-04-01 至 2026-06-30）');
      expect(ws.getCell('A4').value, ws.name).toBe('导出时间：2026-07-10 10:00:00');
    }
    const xlsx = path.join(dir, 'figures.xlsx');
    writeFileSync(xlsx, buf);
    await toPdf(dir, [xlsx]);
    const pdf = path.join(dir, 'figures.pdf');
    const info = (await run('pdfinfo', [pdf])).stdout;
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.\d+ pts \(A4\)/);
    // One page per sheet: each table fits the width and its length.
    expect(pagesOf(info)).toBe(wb.worksheets.length);
    expect((await fonts(pdf)).some((x) => x.cjk)).toBe(true);
    const first = await text(pdf, 1);
    expect(first).toContain('导出时间');
    expect(first).toMatch(/第\s*1\s*页\s*共\s*7\s*页/);
    expect(await text(pdf, 2)).toContain('政策宣传');
  }, 180_000);
});

describe('report exports through the API (R-REP-3, R-SCOPE-1)', () => {
  let t: TestApp;
  let w: TwoWorlds;
  beforeAll(async () => {
    t = await createTestApp({ today: WORLDS_TODAY });
    w = await buildTwoWorlds(t);
    await openWorldReports(t, w);
  }, 300_000);
  afterAll(() => t?.close());

  it('R-REP-3 a station’s brief as Word and a county’s report as Excel, each export audited; they print', async () => {
    const lead = w.A.sessions.project_lead;
    const doc = await t.call(lead, 'GET', `/api/v1/reports/${w.A.ids.report}/document.docx`);
    expect(doc.statusCode, doc.body.slice(0, 200)).toBe(200);
    expect(doc.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const title = (await t.call(lead, 'GET', `/api/v1/reports/${w.A.ids.report}`)).json().title as string;
    expect(doc.headers['content-disposition']).toContain(encodeURIComponent(`${title}.docx`));
    const county = w.A.sessions.county_officer;
    const xlsx = await t.call(county, 'GET', `/api/v1/reports/${w.A.ids.countyReport}/figures.xlsx`);
    expect(xlsx.statusCode, xlsx.body.slice(0, 200)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getCell('A2').value).toBe('范围：濮阳县');

    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'export'), eq(auditEvents.entityType, 'report')));
    expect(events.map((e) => e.entityId).sort()).toEqual([w.A.ids.report, w.A.ids.countyReport].sort());
    expect(events.find((e) => e.entityId === w.A.ids.report)?.summary).toBe(`导出报告（Word）：${title}`);

    const files = [path.join(dir, 'brief.docx'), path.join(dir, 'county.xlsx')];
    writeFileSync(files[0], doc.rawPayload);
    writeFileSync(files[1], xlsx.rawPayload);
    await toPdf(dir, files);
    const brief = path.join(dir, 'brief.pdf');
    const pages = pagesOf((await run('pdfinfo', [brief])).stdout);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(await text(brief, pages)).toMatch(new RegExp(`—\\s*${pages}\\s*—`));
    expect((await fonts(brief)).some((x) => x.cjk)).toBe(true);
    // The narrative the lead wrote, and the contractor as the sending unit.
    const words = (await text(brief)).replace(/\s+/g, '');
    expect(words).toContain('柳屯镇五月简报工作亮点');
    expect(words).toContain(w.A.organisation.name);
    expect(words).toContain('濮阳县民政局：');
    expect(words).toContain('根据《濮阳市乡镇（街道）社会工作服务站建设实施方案》五（四）的要求');
    expect(pagesOf((await run('pdfinfo', [path.join(dir, 'county.pdf')])).stdout)).toBeGreaterThanOrEqual(4);
  }, 180_000);

  it('R-SCOPE-1 another county’s report answers 404 like a missing one, and nothing is audited', async () => {
    const before = await t.db.$count(auditEvents, eq(auditEvents.action, 'export'));
    const officerB = w.B.sessions.county_officer;
    for (const file of ['document.docx', 'figures.xlsx']) {
      const missing = await t.call(officerB, 'GET', `/api/v1/reports/${randomUUID()}/${file}`);
      expect(missing.statusCode).toBe(404);
      for (const id of [w.A.ids.report, w.A.ids.countyReport]) {
        const r = await t.call(officerB, 'GET', `/api/v1/reports/${id}/${file}`);
        expect(r.statusCode, `${file} ${id}`).toBe(404);
        expect(r.json()).toEqual(missing.json());
      }
      const worker = await t.call(w.B.sessions.org_admin, 'GET', `/api/v1/reports/${w.A.ids.report}/${file}`);
      expect(worker.statusCode).toBe(404);
      const bad = await t.call(officerB, 'GET', `/api/v1/reports/abc/${file}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toMatch(/报告编号/);
    }
    expect(await t.db.$count(auditEvents, eq(auditEvents.action, 'export'))).toBe(before);
  });
});
