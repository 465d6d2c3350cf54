import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIV, stationBody, type Session, type TestApp } from '../../test-support/test-app';
import { run, toPdf } from '../../test-support/print';

/**
 * R-REP-4: the 通报 as an office prints it (ADR 0007). The .xlsx from the real app goes through LibreOffice headless
 * (Calc) to PDF and poppler reads it back: one A4 landscape page with every unit, CJK fonts (not boxes), the title,
 * the period, the export time and the page number. Needs soffice and poppler-utils, as the exports' print test does.
 */
let t: TestApp;
let city: Session;
const dir = mkdtempSync(path.join(tmpdir(), 'shegong-circular-print-'));
beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-28' });
  city = (await t.as('city_officer', DIV.city)).session;
  const county = (await t.as('county_officer', DIV.puyangCounty)).session;
  await t.call(
    county,
    'POST',
    '/api/v1/stations',
    stationBody(DIV.liutun, { status: 'operating', openedOn: '2021-07-01' }),
  );
  const marked = await t.call(city, 'PUT', '/api/v1/circulars/commendations', {
    period: '2026-H2',
    unit: DIV.puyangCounty,
    commended: true,
    note: '社工站建设进度居全市前列，驻站社工配备到位，服务记录完整规范',
  });
  expect(marked.statusCode, marked.body).toBe(200);
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('R-REP-4 the 通报 prints', () => {
  it('converts to one A4 landscape page with CJK fonts, its title, period, export time and page number', async () => {
    const res = await t.call(city, 'GET', '/api/v1/circulars.xlsx?period=2026-H2');
    expect(res.statusCode).toBe(200);
    const xlsx = path.join(dir, 'circular.xlsx');
    writeFileSync(xlsx, res.rawPayload);
    await toPdf(dir, [xlsx]);
    const pdf = path.join(dir, 'circular.pdf');
    const info = (await run('pdfinfo', [pdf])).stdout;
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.(2|3)\d* pts \(A4\)/);
    expect(info).toMatch(/Pages:\s+1\b/);
    expect((await run('pdffonts', [pdf])).stdout).toMatch(/CJK|WenQuanYi|Source ?Han|Droid ?Sans ?Fallback/i);
    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
    expect(text).toContain('濮阳市乡镇（街道）社工站工作进展通报（2026年下半年）');
    expect(text).toContain('2026-07-01 至 2026-12-31');
    expect(text).toMatch(/导出时间：2026-11-28/);
    expect(text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/);
    // Every unit of the city is on the page, the commended one with its note (wrapped, not cut off).
    for (const unit of ['濮阳县', '清丰县', '南乐县', '范县', '台前县', '华龙区', '示范区'])
      expect(text).toContain(unit);
    expect(text.replace(/\s+/g, '')).toContain('拟表彰：社工站建设进度居全市前列，驻站社工配备到位，服务记录完整规范');
  });
});
