import { useEffect, useState } from 'react';
import dayjs from 'dayjs';
import { App, Button, Card, Checkbox, DatePicker, Empty, InputNumber, Space, Table, Tag } from 'antd';
import { INSURANCE_ITEMS, formatFen, type InsuranceItem, type PayrollRowView } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { ExcelImport } from '../../components/excel-import';
import { ApiError } from '../../lib/api';
import {
  payrollImportUrl,
  payrollProblemsUrl,
  payrollTemplateUrl,
  usePayroll,
  useRefreshPayroll,
  useSavePayroll,
} from './payroll.api';

const ITEMS = Object.keys(INSURANCE_ITEMS) as InsuranceItem[];
type Row = PayrollRowView & { salary: number | null };

/** 薪酬社保 (R-STAFF-6): a month's pay and 五险一金 per worker, edited in a grid or imported from Excel. */
export function PayrollPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const [month, setMonth] = useState(dayjs().subtract(1, 'month').format('YYYY-MM'));
  const [rows, setRows] = useState<Row[]>([]);
  const editable = can('workers:write');
  const { data, isLoading } = usePayroll(month);
  const savePayroll = useSavePayroll(month);
  const refresh = useRefreshPayroll();
  useEffect(
    () => setRows((data?.items ?? []).map((r) => ({ ...r, salary: r.salaryFen == null ? null : r.salaryFen / 100 }))),
    [data],
  );
  const patch = (id: string, p: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.workerId === id ? { ...r, ...p } : r)));

  async function save() {
    try {
      await savePayroll.mutateAsync({
        rows: rows.map((r) => ({
          workerId: r.workerId,
          salary: r.salary == null ? null : String(r.salary),
          paidOn: r.paidOn,
          ...r.insurance,
        })),
      });
      message.success('已保存');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }
  return (
    <>
      <PageHeader
        title="薪酬社保"
        crumbs={[{ title: '社工队伍' }, { title: '薪酬社保' }]}
        extra={
          <Space wrap>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
              aria-label="月份"
            />
            {editable && (
              <Button type="primary" onClick={save}>
                保存本月
              </Button>
            )}
          </Space>
        }
      />
      {editable && (
        <ExcelImport
          title="从 Excel 导入"
          templateUrl={payrollTemplateUrl(month)}
          templateName={`薪酬社保导入模板-${month}.xlsx`}
          importUrl={(dryRun) => payrollImportUrl(month, dryRun)}
          problemsUrl={payrollProblemsUrl(month)}
          onDone={() => void refresh()}
        />
      )}
      <Card title={`${dayjs(`${month}-01`).format('YYYY年M月')}薪酬和五险一金`}>
        <Table
          rowKey="workerId"
          loading={isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description="本月没有在职社工" /> }}
          columns={[
            { title: '姓名', dataIndex: 'name', fixed: 'left' as const },
            // What is missing comes first, so it is seen without scrolling sideways.
            {
              title: '本月缺项',
              key: 'missing',
              render: (_: unknown, r: Row) =>
                r.missing.length ? (
                  r.missing.map((m) => (
                    <Tag key={m} color="error">
                      {m}
                    </Tag>
                  ))
                ) : (
                  <Tag color="success">齐全</Tag>
                ),
            },
            {
              title: '以往缺月',
              key: 'gaps',
              render: (_: unknown, r: Row) =>
                r.gaps.length ? (
                  <Tag color="warning">{r.gaps.map((g) => dayjs(`${g}-01`).format('YYYY年M月')).join('、')}</Tag>
                ) : (
                  '—'
                ),
            },
            { title: '身份证号', dataIndex: 'idNumber', responsive: ['lg' as const] },
            { title: '社工站', dataIndex: 'stationNames' },
            {
              title: '实发工资（元）',
              key: 'salary',
              render: (_: unknown, r: Row) =>
                editable ? (
                  <InputNumber
                    aria-label={`${r.name}实发工资`}
                    min={0}
                    precision={2}
                    value={r.salary}
                    onChange={(v) => patch(r.workerId, { salary: v })}
                  />
                ) : (
                  formatFen(r.salaryFen)
                ),
            },
            {
              title: '发放日期',
              key: 'paidOn',
              render: (_: unknown, r: Row) =>
                editable ? (
                  <DatePicker
                    aria-label={`${r.name}发放日期`}
                    value={r.paidOn ? dayjs(r.paidOn) : null}
                    onChange={(d) => patch(r.workerId, { paidOn: d ? d.format('YYYY-MM-DD') : null })}
                  />
                ) : (
                  (r.paidOn ?? '—')
                ),
            },
            ...ITEMS.map((k) => ({
              title: INSURANCE_ITEMS[k],
              key: k,
              render: (_: unknown, r: Row) => (
                <Checkbox
                  aria-label={`${r.name}${INSURANCE_ITEMS[k]}`}
                  disabled={!editable}
                  checked={r.insurance[k]}
                  onChange={(e) => patch(r.workerId, { insurance: { ...r.insurance, [k]: e.target.checked } })}
                />
              ),
            })),
          ]}
        />
      </Card>
    </>
  );
}
