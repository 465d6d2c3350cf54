import type { ProgressReport, ProgressRow } from '@shegong/shared';
import { reportWorkbook, type SheetColumn } from '../../platform/http/xlsx';

/** The report's percent (50 = 50%) as the fraction a percent-formatted cell holds; empty when nothing was planned. */
const rate = (p: number | null) => (p == null ? null : p / 100);

/** 建设进度表 in the layout of 附件1: a unit per row, planned / built / rate per year, then the total. */
export function progressWorkbook(r: ProgressReport, scope: string, filters: string, exportedAt: Date) {
  const columns: SheetColumn<ProgressRow>[] = [
    { header: '单位', kind: 'text', width: 12, value: (row) => row.name },
    ...r.years.flatMap((y): SheetColumn<ProgressRow>[] => [
      { header: `${y}年计划`, kind: 'number', width: 9, value: (row) => row.years[String(y)]?.planned },
      { header: `${y}年建成`, kind: 'number', width: 9, value: (row) => row.years[String(y)]?.built },
      {
        header: `${y}年完成率`,
        kind: 'percent',
        width: 10,
        value: (row) => rate(row.years[String(y)]?.percent ?? null),
      },
    ]),
    { header: '计划合计', kind: 'number', width: 9, value: (row) => row.total.planned },
    { header: '已登记', kind: 'number', width: 9, value: (row) => row.total.registered },
    { header: '建成合计', kind: 'number', width: 9, value: (row) => row.total.built },
    { header: '运营中', kind: 'number', width: 9, value: (row) => row.total.operating },
    { header: '总完成率', kind: 'percent', width: 10, value: (row) => rate(row.total.percent) },
  ];
  return reportWorkbook<ProgressRow>({
    name: '建设进度',
    title: '濮阳市乡镇（街道）社工站建设进度',
    scope,
    filters,
    exportedAt,
    columns,
    rows: r.rows,
    total: r.total,
  });
}
