import { INSURANCE_ITEMS, type PayrollRowView, type PayrollTotals } from '@shegong/shared';
import { reportWorkbook, type SheetColumn } from '../../platform/http/xlsx';
import { INSURANCE_KEYS } from './payroll.grid';

const yuan = (fen: number | null) => (fen == null ? null : fen / 100);
type Line = PayrollRowView | (PayrollTotals & { total: true });
const isTotal = (l: Line): l is PayrollTotals & { total: true } => 'total' in l;
const row =
  <V>(f: (r: PayrollRowView) => V) =>
  (l: Line) =>
    isTotal(l) ? null : f(l);

const COLUMNS: SheetColumn<Line>[] = [
  { header: '姓名', kind: 'text', width: 10, value: (l) => (isTotal(l) ? `合计 ${l.workers} 人` : l.name) },
  // Masked exactly as on screen: only the organisation's own managers see the numbers in clear.
  { header: '身份证号', kind: 'id', width: 21, value: row((r) => r.idNumber) },
  { header: '县（区）', kind: 'text', width: 9, value: row((r) => r.countyName) },
  { header: '承接机构', kind: 'wraptext', width: 18, value: row((r) => r.organisationName) },
  { header: '社工站', kind: 'wraptext', width: 18, value: row((r) => r.stationNames) },
  {
    header: '实发工资（元）',
    kind: 'money',
    width: 12,
    value: (l) => (isTotal(l) ? l.salaryFen / 100 : yuan(l.salaryFen)),
  },
  { header: '发放日期', kind: 'date', width: 11, value: row((r) => r.paidOn) },
  ...INSURANCE_KEYS.map((k): SheetColumn<Line> => ({
    header: INSURANCE_ITEMS[k],
    kind: 'text',
    width: 6,
    value: row((r) => (r.insurance[k] ? '是' : '否')),
  })),
  {
    header: '缴费基数（元）',
    kind: 'money',
    width: 12,
    value: (l) => (isTotal(l) ? l.insuranceBaseFen / 100 : yuan(l.insuranceBaseFen)),
  },
  {
    header: '单位缴纳（元）',
    kind: 'money',
    width: 12,
    value: (l) => (isTotal(l) ? l.employerShareFen / 100 : yuan(l.employerShareFen)),
  },
  {
    header: '个人缴纳（元）',
    kind: 'money',
    width: 12,
    value: (l) => (isTotal(l) ? l.employeeShareFen / 100 : yuan(l.employeeShareFen)),
  },
  {
    header: '本月缺项',
    kind: 'wraptext',
    width: 16,
    value: (l) => (isTotal(l) ? `${l.missing} 人有缺项` : l.missing.join('、') || '齐全'),
  },
];

/** R-STAFF-6: a month's pay and 五险一金 as the grid shows it (same filters, same masking), with a 合计 row. */
export function payrollWorkbook(
  month: string,
  grid: { items: PayrollRowView[]; totals: PayrollTotals },
  scope: string,
  filters: string,
  exportedAt: Date,
) {
  const [y, m] = month.split('-').map(Number);
  return reportWorkbook<Line>({
    name: `${y}年${m}月薪酬社保`,
    title: `${y}年${m}月社工薪酬和五险一金发放表`,
    scope,
    filters,
    exportedAt,
    columns: COLUMNS,
    rows: grid.items,
    total: { ...grid.totals, total: true },
  });
}
