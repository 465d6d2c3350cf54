import type { StaffOverviewRow } from '@shegong/shared';
import { reportWorkbook } from '../../platform/http/xlsx';

type Count = Exclude<keyof StaffOverviewRow, 'countyCode' | 'countyName'>;
const COUNTS: Count[] = [
  'operatingStations',
  'understaffedStations',
  'workers',
  'qualified',
  'atRisk',
  'overdue',
  'filed',
];
const share = (r: StaffOverviewRow) => (r.workers ? r.qualified / r.workers : null);

/** 队伍概况 per unit with the share qualified as a percent and a total row (R-STAFF-1, R-STAFF-4, R-STAFF-6). */
export function staffOverviewWorkbook(rows: StaffOverviewRow[], scope: string, exportedAt: Date) {
  const total = { countyCode: '', countyName: '合计' } as StaffOverviewRow;
  for (const k of COUNTS) total[k] = rows.reduce((n, r) => n + r[k], 0);
  return reportWorkbook<StaffOverviewRow>({
    name: '队伍概况',
    title: '乡镇（街道）社工站驻站社工配备与资质情况',
    scope,
    filters: '',
    exportedAt,
    rows,
    total,
    columns: [
      { header: '单位', kind: 'text', width: 12, value: (r) => r.countyName },
      { header: '运营中社工站', kind: 'number', value: (r) => r.operatingStations },
      { header: '驻站社工不足 2 名的社工站', kind: 'number', width: 14, value: (r) => r.understaffedStations },
      { header: '社工人数', kind: 'number', value: (r) => r.workers },
      { header: '已具备资质', kind: 'number', value: (r) => r.qualified },
      { header: '具备资质比例', kind: 'percent', width: 10, value: share },
      { header: '90 日内须具备资质', kind: 'number', width: 12, value: (r) => r.atRisk },
      { header: '逾期未具备', kind: 'number', value: (r) => r.overdue },
      { header: '已备案', kind: 'number', value: (r) => r.filed },
    ],
  });
}
