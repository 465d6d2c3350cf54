import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, stationBody, type TestApp } from '../../test-support/test-app';
import { buildTwoWorlds, WORLDS_TODAY, type TwoWorlds } from '../../test-support/two-worlds';
import { run, toPdf } from '../../test-support/print';

/**
 * Issue 9: every export prints as a civil-affairs office expects. Each file comes from the real app, LibreOffice
 * (headless Calc) prints them all to PDF in one call, and poppler reads the PDFs back: A4 landscape pages, the long
 * register on several pages with its header row repeated and 第 N 页 共 M 页 below, and CJK fonts (not boxes).
 * Needs soffice and pdfinfo/pdffonts/pdftotext (.ci/run installs libreoffice-calc-nogui and poppler-utils).
 */
const EXPORTS: Record<string, string> = {
  stations: '/api/v1/stations/export',
  roster: '/api/v1/workers/export',
  trainings: '/api/v1/trainings/export',
  overview: '/api/v1/workers/overview/export',
  contracts: '/api/v1/contracts/export',
  compliance: '/api/v1/contracts/compliance/export',
  progress: '/api/v1/plan/progress/export',
  payroll: '/api/v1/payroll/2026-05/export',
  beneficiaries: '/api/v1/beneficiaries/export',
};

let t: TestApp;
let w: TwoWorlds;
const dir = mkdtempSync(path.join(tmpdir(), 'shegong-print-'));
beforeAll(async () => {
  t = await createTestApp({ today: WORLDS_TODAY });
  w = await buildTwoWorlds(t);
  // The city's register long enough for several pages: a station under construction in most townships, so each
  // row also carries wrapped findings.
  const towns = (await t.db.execute(
    sql`select code, parent_code as county from divisions where level = 'township' and official order by code`,
  )) as unknown as { rows: { code: string; county: string }[] };
  const officers = new Map<string, Awaited<ReturnType<TestApp['as']>>['session']>();
  for (const { code, county } of towns.rows) {
    if (code === w.A.townshipCode || code === w.B.townshipCode) continue;
    if (!officers.has(county)) officers.set(county, (await t.as('county_officer', county)).session);
    const res = await t.call(
      officers.get(county)!,
      'POST',
      '/api/v1/stations',
      stationBody(code, { status: 'building' }),
    );
    expect(res.statusCode, res.body).toBe(201);
  }
}, 300_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const pdfinfo = async (file: string) => (await run('pdfinfo', [file])).stdout;

describe('exports print in LibreOffice (issue 9)', () => {
  it('every export converts to A4 landscape PDF pages with CJK fonts; the long one repeats its header', async () => {
    for (const [name, url] of Object.entries(EXPORTS)) {
      const res = await t.call(w.city.city_admin, 'GET', url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
      writeFileSync(path.join(dir, `${name}.xlsx`), res.rawPayload);
    }
    const files = Object.keys(EXPORTS).map((n) => path.join(dir, `${n}.xlsx`));
    // One soffice call for all files, with its own profile so parallel runs do not share (and lock) one.
    await toPdf(dir, files);
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.pdf'))
        .sort(),
    ).toEqual(
      Object.keys(EXPORTS)
        .map((n) => `${n}.pdf`)
        .sort(),
    );

    for (const name of Object.keys(EXPORTS)) {
      const pdf = path.join(dir, `${name}.pdf`);
      const info = await pdfinfo(pdf);
      // A4 landscape: 842 × 595 points.
      expect(info, name).toMatch(/Page size:\s+841\.89 x 595\.(2|3)\d* pts \(A4\)/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      if (name === 'stations') expect(pages, name).toBeGreaterThan(1);
      else expect(pages, name).toBe(1);
      const fonts = (await run('pdffonts', [pdf])).stdout;
      expect(fonts, name).toMatch(/CJK|WenQuanYi|Source ?Han|Droid ?Sans ?Fallback/i);
      const first = (await run('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'])).stdout;
      expect(first, name).toContain('导出时间');
      expect(first, name).toMatch(new RegExp(`第\\s*1\\s*页\\s*共\\s*${pages}\\s*页`));
      expect(first, name).not.toMatch(/R-[A-Z]+-\d/);
    }

    // Fitted to the width: the last column of the register is on the first page; the header row on the second.
    const stations = path.join(dir, 'stations.pdf');
    const page1 = (await run('pdftotext', ['-f', '1', '-l', '1', stations, '-'])).stdout;
    expect(page1).toContain('合规提示');
    const page2 = (await run('pdftotext', ['-f', '2', '-l', '2', stations, '-'])).stdout;
    for (const header of ['县（区）', '站点名称', '开放日期', '承接机构', '合规提示']) expect(page2).toContain(header);
    expect(page2).toMatch(/第\s*2\s*页\s*共\s*\d+\s*页/);
  }, 240_000);
});
