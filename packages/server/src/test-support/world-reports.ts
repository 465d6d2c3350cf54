import { PDF, upload, type TwoWorlds } from './two-worlds';
import type { TestApp } from './test-app';

/** The record ids of the reports fixture, added to each world's ids (two-worlds.ts's IdKey includes them). */
export const REPORT_ID_KEYS = ['report', 'reportFile', 'countyReport'] as const;
export type ReportIdKey = (typeof REPORT_ID_KEYS)[number];

/**
 * 报告 (R-REP-1…3) in both worlds, after they are built: the schedule made the reports from each world's contract;
 * the project lead writes May's brief of the world's station (a sentence found nowhere else) and attaches a file, and
 * the county's first-quarter report is picked out, so a leak of either can be searched for.
 */
export async function openWorldReports(t: TestApp, worlds: TwoWorlds) {
  for (const w of [worlds.A, worlds.B]) {
    const lead = w.sessions.project_lead;
    const town = w.key === 'A' ? '柳屯镇' : '城关镇';
    const list = await t.call(
      lead,
      'GET',
      `/api/v1/reports?kind=station_monthly&period=2026-05&stationId=${w.ids.station}`,
    );
    const brief = list.json().items?.[0];
    if (!brief) throw new Error(`world reports: no May brief (${list.statusCode} ${list.body})`);
    w.ids.report = brief.id;
    const work = `${town}五月简报工作亮点`;
    const saved = await t.call(lead, 'PATCH', `/api/v1/reports/${brief.id}`, {
      version: 1,
      narrative: { work_done: work },
    });
    if (saved.statusCode !== 200)
      throw new Error(`world reports: narrative answered ${saved.statusCode} ${saved.body}`);
    const name = `${town}五月简报附件.pdf`;
    const file = await upload(t, lead, `/api/v1/reports/${brief.id}/files`, {
      name,
      type: 'application/pdf',
      bytes: PDF,
    });
    if (file.statusCode !== 201) throw new Error(`world reports: file answered ${file.statusCode} ${file.body}`);
    w.ids.reportFile = file.json().fileId;
    const county = await t.call(
      w.sessions.county_officer,
      'GET',
      '/api/v1/reports?kind=county_quarterly&period=2026-Q1',
    );
    const quarter = county.json().items?.[0];
    if (!quarter) throw new Error(`world reports: no county report (${county.statusCode} ${county.body})`);
    w.ids.countyReport = quarter.id;
    w.marks.push(work, name);
  }
}
