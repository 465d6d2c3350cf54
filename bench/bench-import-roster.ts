/**
 * The beneficiaries benchmark's import: a 100,000-row roster workbook as an office would send it (.xlsx written by
 * ExcelJS, the template's columns, one category period per row, 所属社工站 by name), and its upload through
 * POST /api/v1/beneficiaries/import while /api/health is polled every 100 ms.
 */
import { readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { CATEGORY_LABELS, DISABILITY_GRADE_LABELS, DISABILITY_KIND_LABELS, TEKUN_FORM_LABELS } from '@shegong/shared';
import { BENEFICIARY_COLUMNS } from '../packages/server/src/modules/beneficiaries/beneficiaries-import.spec';
import { planPeople, type PeopleStation } from '../packages/server/src/cli/generate';
import { pollHealth, type Stats } from './bench-load';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Writes `rows` new people (IDs never in `usedIds`, which receives them) at `stations` to `file`; people without an
 * ID are left out (the assistance systems' rosters carry IDs).
 */
export async function writeRoster(
  file: string,
  rows: number,
  opts: { seed: number; today: string; stations: (PeopleStation & { name: string })[]; usedIds: Set<string> },
) {
  const names = new Map(opts.stations.map((s) => [s.id, s.name]));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('服务对象名单');
  ws.addRow([...BENEFICIARY_COLUMNS]).commit();
  let written = 0;
  for (const batch of planPeople({ ...opts, count: Math.ceil(rows * 1.02) + 50 })) {
    for (const p of batch) {
      if (!p.idNumber || written >= rows) continue;
      const c = p.categories[0];
      const cell: Record<string, string> = {
        姓名: p.name,
        身份证号: p.idNumber,
        联系电话: p.phone,
        '村（社区）': p.village,
        住址: p.address,
        所属社工站: names.get(p.stationId) ?? '',
        类别: CATEGORY_LABELS[c.category],
        开始日期: c.startedOn,
        结束日期: c.endedOn ?? '',
        来源: c.source,
        供养方式: c.tekunForm ? TEKUN_FORM_LABELS[c.tekunForm] : '',
        残疾类别: c.disabilityKind ? DISABILITY_KIND_LABELS[c.disabilityKind] : '',
        残疾等级: c.disabilityGrade ? DISABILITY_GRADE_LABELS[c.disabilityGrade] : '',
        监护人姓名: p.guardian?.name ?? '',
        监护人关系: p.guardian?.relation ?? '',
        监护人电话: p.guardian?.phone ?? '',
      };
      ws.addRow(BENEFICIARY_COLUMNS.map((col) => cell[col] ?? '')).commit();
      written++;
    }
  }
  ws.commit();
  await wb.commit();
  return { rows: written, bytes: statSync(file).size };
}

export interface ImportRun {
  status: number;
  seconds: number;
  health: Stats;
  answer: string;
}

/** Posts the workbook (dry run or commit) while /api/health is polled every 100 ms. */
export async function runImport(
  base: string,
  session: { cookie: string; csrf: string },
  file: string,
  dryRun: boolean,
): Promise<ImportRun> {
  const bytes = readFileSync(file);
  const stop = pollHealth(`${base}/api/health`, 100);
  await new Promise((r) => setTimeout(r, 300));
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: XLSX }), '服务对象名单.xlsx');
  const t = performance.now();
  const res = await fetch(`${base}/api/v1/beneficiaries/import?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: form,
  });
  const body = (await res.json()) as {
    message?: string;
    rows?: number;
    issues?: { row: number; column: string; message: string }[];
    committed?: boolean;
    missing?: string[];
    summary?: { added: number; matched: number; unchanged: number };
  };
  const seconds = (performance.now() - t) / 1000;
  const health = await stop();
  const answer =
    body.message ??
    `${body.rows} rows, ${body.issues?.length} issues${body.issues?.length ? ` (first: row ${body.issues[0].row} ${body.issues[0].column} ${body.issues[0].message})` : ''}, ` +
      `added ${body.summary?.added} matched ${body.summary?.matched} unchanged ${body.summary?.unchanged}, committed ${body.committed}` +
      (body.missing?.length ? `, missing ${body.missing.join('/')}` : '');
  return { status: res.status, seconds, health, answer };
}
