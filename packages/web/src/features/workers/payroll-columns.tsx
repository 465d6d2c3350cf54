import dayjs from 'dayjs';
import { Checkbox, DatePicker, InputNumber, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { INSURANCE_ITEMS, formatFen, type InsuranceItem, type PayrollRowView } from '@shegong/shared';

export const ITEMS = Object.keys(INSURANCE_ITEMS) as InsuranceItem[];
/** The grid's own amounts in yuan while editing (the view carries fen). */
export type Row = PayrollRowView & {
  salary: number | null;
  insuranceBase: number | null;
  employerShare: number | null;
  employeeShare: number | null;
};
type Amount = 'salary' | 'insuranceBase' | 'employerShare' | 'employeeShare';
const FEN: Record<Amount, 'salaryFen' | 'insuranceBaseFen' | 'employerShareFen' | 'employeeShareFen'> = {
  salary: 'salaryFen',
  insuranceBase: 'insuranceBaseFen',
  employerShare: 'employerShareFen',
  employeeShare: 'employeeShareFen',
};
export const toRow = (r: PayrollRowView): Row => ({
  ...r,
  salary: r.salaryFen == null ? null : r.salaryFen / 100,
  insuranceBase: r.insuranceBaseFen == null ? null : r.insuranceBaseFen / 100,
  employerShare: r.employerShareFen == null ? null : r.employerShareFen / 100,
  employeeShare: r.employeeShareFen == null ? null : r.employeeShareFen / 100,
});
/** 住房公积金 → 公积金 and 养老保险 → 养老: the six ticks fit at 1366 px beside the amounts. */
const short = (k: InsuranceItem) => (k === 'housingFund' ? '公积金' : INSURANCE_ITEMS[k].slice(0, 2));
const money = { align: 'right' as const, width: 112 };
// Amounts as ¥1,234.50 without the currency sign: the header says 元.
const yuan = (fen: number | null) => (fen == null ? '—' : formatFen(fen).replace('¥', ''));

/**
 * The month's columns (R-STAFF-6). The name stays fixed on the left, what is missing and the amounts come right after
 * it, so at 1366 px they are read without scrolling sideways; officers see one compact 五险一金 column, contractors
 * tick each item.
 */
export function payrollColumns(o: {
  editable: boolean;
  officer: boolean;
  patch: (id: string, p: Partial<Row>) => void;
}): ColumnsType<Row> {
  const amount = (title: string, k: Amount) => ({
    title,
    key: k,
    ...money,
    render: (_: unknown, r: Row) =>
      o.editable ? (
        <InputNumber
          aria-label={`${r.name}${title.replace('（元）', '')}`}
          min={0}
          precision={2}
          controls={false}
          style={{ width: 96 }}
          value={r[k]}
          onChange={(v) => o.patch(r.workerId, { [k]: v })}
        />
      ) : (
        yuan(r[FEN[k]])
      ),
  });
  return [
    { title: '姓名', dataIndex: 'name', fixed: 'left', width: 84 },
    // What the month lacks next to the name, then the amounts: all on screen at 1366 px.
    {
      title: '本月缺项',
      key: 'missing',
      width: 160,
      render: (_: unknown, r: Row) =>
        r.missing.length ? (
          r.missing.map((m) => (
            <Tag key={m} color="error" style={{ marginBottom: 2 }}>
              {m}
            </Tag>
          ))
        ) : (
          <Tag color="success">齐全</Tag>
        ),
    },
    amount('实发工资（元）', 'salary'),
    {
      title: '发放日期',
      key: 'paidOn',
      width: o.editable ? 132 : 104,
      render: (_: unknown, r: Row) =>
        o.editable ? (
          <DatePicker
            aria-label={`${r.name}发放日期`}
            style={{ width: 124 }}
            value={r.paidOn ? dayjs(r.paidOn) : null}
            onChange={(d) => o.patch(r.workerId, { paidOn: d ? d.format('YYYY-MM-DD') : null })}
          />
        ) : (
          (r.paidOn ?? '—')
        ),
    },
    amount('缴费基数（元）', 'insuranceBase'),
    amount('单位缴纳（元）', 'employerShare'),
    amount('个人缴纳（元）', 'employeeShare'),
    ...(o.editable
      ? ITEMS.map((k) => ({
          title: short(k),
          key: k,
          width: 56,
          align: 'center' as const,
          render: (_: unknown, r: Row) => (
            <Checkbox
              aria-label={`${r.name}${INSURANCE_ITEMS[k]}`}
              checked={r.insurance[k]}
              onChange={(e) => o.patch(r.workerId, { insurance: { ...r.insurance, [k]: e.target.checked } })}
            />
          ),
        }))
      : [
          {
            title: '五险一金',
            key: 'insurance',
            width: 84,
            render: (_: unknown, r: Row) => {
              const paid = ITEMS.filter((k) => r.insurance[k]);
              const unpaid = ITEMS.filter((k) => !r.insurance[k]).map((k) => INSURANCE_ITEMS[k]);
              return (
                <Tooltip title={unpaid.length ? `未缴：${unpaid.join('、')}` : '六项均已缴纳'}>
                  <span>{`${paid.length}/6 项`}</span>
                </Tooltip>
              );
            },
          },
        ]),
    // The officers' unit and organisation after the amounts: they filter by them above the grid.
    ...(o.officer
      ? [
          { title: '县（区）', dataIndex: 'countyName', width: 80 },
          // On a phone the amounts come before the organisation's long name (filter by it instead).
          {
            title: '承接机构',
            dataIndex: 'organisationName',
            width: 150,
            ellipsis: { showTitle: true },
            responsive: ['md' as const],
          },
        ]
      : []),
    {
      title: '以往缺月',
      key: 'gaps',
      width: 160,
      render: (_: unknown, r: Row) =>
        r.gaps.length ? (
          <Tag color="warning" style={{ whiteSpace: 'normal' }}>
            {r.gaps.map((g) => dayjs(`${g}-01`).format('YYYY年M月')).join('、')}
          </Tag>
        ) : (
          '—'
        ),
    },
    { title: '社工站', dataIndex: 'stationNames', width: 160 },
    { title: '身份证号', dataIndex: 'idNumber', width: 180, responsive: ['lg'] },
  ];
}
