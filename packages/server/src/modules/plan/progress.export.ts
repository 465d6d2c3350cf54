import type { ProgressReport } from '@shegong/shared';
import { ExcelJS, titledSheet } from '../../platform/http/xlsx';

const pct = (p: number | null) => (p == null ? '—' : `${p}%`);

/** 建设进度表 in the layout of 附件1: a unit per row, planned / built / rate per year, then the total. */
export async function progressWorkbook(r: ProgressReport, filterText: string, exportedAt: Date) {
  const wb = new ExcelJS.Workbook();
  const headers = [
    '单位',
    ...r.years.flatMap((y) => [`${y}年计划`, `${y}年建成`, `${y}年完成率`]),
    '计划合计',
    '已登记',
    '建成合计',
    '运营中',
    '总完成率',
  ];
  const ws = titledSheet(wb, '建设进度', '濮阳市乡镇（街道）社工站建设进度', filterText, headers, exportedAt);
  for (const row of [...r.rows, r.total]) {
    const line = ws.addRow([
      row.name,
      ...r.years.flatMap((y) => {
        const c = row.years[String(y)];
        return [c.planned, c.built, pct(c.percent)];
      }),
      row.total.planned,
      row.total.registered,
      row.total.built,
      row.total.operating,
      pct(row.total.percent),
    ]);
    if (row === r.total) line.font = { bold: true };
  }
  ws.getColumn(1).width = 14;
  return wb.xlsx.writeBuffer();
}
