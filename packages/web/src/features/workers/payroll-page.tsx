import { useEffect, useState } from 'react';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { App, Button, Card, DatePicker, Empty, Form, Select, Space, Table, Typography } from 'antd';
import { formatFen, type PayrollQuery, type PayrollTotals } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { ExcelImport } from '../../components/excel-import';
import { ExportButton } from '../../components/export-button';
import { ApiError } from '../../lib/api';
import { unitsFor, useDivisions } from '../../lib/divisions';
import { OrganisationSelect } from '../organisations/organisation-select';
import { payrollColumns, toRow, type Row } from './payroll-columns';
import {
  payrollExportUrl,
  payrollImportUrl,
  payrollProblemsUrl,
  payrollTemplateUrl,
  usePayroll,
  useRefreshPayroll,
  useSavePayroll,
} from './payroll.api';

/** Contractor staff see their own organisation's month; officers (city, county, township) narrow theirs. */
const CONTRACTOR_ROLES = ['org_admin', 'project_lead', 'social_worker'];
const yuan = (fen: number) => formatFen(fen).replace('¥', '');

/** The 合计 line under the grid (and its words above it, read by a screen reader and on a phone). */
function totalsText(t: PayrollTotals) {
  return `在册 ${t.workers} 人，已发放工资 ${t.paid} 人，有缺项 ${t.missing} 人；实发工资合计 ${yuan(t.salaryFen)} 元，单位缴纳合计 ${yuan(t.employerShareFen)} 元，个人缴纳合计 ${yuan(t.employeeShareFen)} 元`;
}

/** 薪酬社保 (R-STAFF-6): a month's pay and 五险一金 per worker, edited in a grid or imported from Excel. */
export function PayrollPage() {
  const { can, user } = useAuth();
  const { message } = App.useApp();
  // A link may name the month (the 工作台's to-do names the server's last month); otherwise last month.
  const [params] = useSearchParams();
  const linked = params.get('month');
  const [month, setMonth] = useState(
    linked && /^\d{4}-(0[1-9]|1[0-2])$/.test(linked) ? linked : dayjs().subtract(1, 'month').format('YYYY-MM'),
  );
  const [filters, setFilters] = useState<PayrollQuery>({});
  const [rows, setRows] = useState<Row[]>([]);
  const editable = can('workers:write');
  const officer = !!user && !CONTRACTOR_ROLES.includes(user.role);
  const units = unitsFor(useDivisions().data, user?.divisionCode);
  const { data, isLoading } = usePayroll(month, filters);
  const savePayroll = useSavePayroll(month);
  const refresh = useRefreshPayroll();
  useEffect(() => setRows((data?.items ?? []).map(toRow)), [data]);
  const patch = (id: string, p: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.workerId === id ? { ...r, ...p } : r)));
  const amount = (v: number | null) => (v == null ? null : String(v));

  async function save() {
    try {
      await savePayroll.mutateAsync({
        rows: rows.map((r) => ({
          workerId: r.workerId,
          salary: amount(r.salary),
          paidOn: r.paidOn,
          insuranceBase: amount(r.insuranceBase),
          employerShare: amount(r.employerShare),
          employeeShare: amount(r.employeeShare),
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
            <ExportButton url={payrollExportUrl(month)} query={filters} fileName={`${month} 薪酬社保表.xlsx`} />
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
          key={month}
          title={`从 Excel 导入${dayjs(`${month}-01`).format('YYYY年M月')}薪酬社保`}
          templateUrl={payrollTemplateUrl(month)}
          templateName={`薪酬社保导入模板-${month}.xlsx`}
          importUrl={(dryRun) => payrollImportUrl(month, dryRun)}
          problemsUrl={payrollProblemsUrl(month)}
          onDone={() => void refresh()}
        />
      )}
      {officer && (
        <Card style={{ marginBottom: 16 }}>
          <Form
            name="payroll-filter"
            layout="inline"
            style={{ rowGap: 8 }}
            onValuesChange={(_, all) => setFilters(all)}
          >
            {units.length > 1 && (
              <Form.Item name="county" label="县（区）">
                <Select
                  allowClear
                  placeholder="全部"
                  style={{ width: 140 }}
                  options={units.map((u) => ({ value: u.code, label: u.name }))}
                />
              </Form.Item>
            )}
            <Form.Item name="organisationId" label="承接机构">
              <OrganisationSelect
                lists={[{ query: { county: filters.county ?? (units.length === 1 ? units[0].code : undefined) } }]}
                placeholder="全部（输入名称查找）"
                style={{ width: 'min(280px, 62vw)' }}
              />
            </Form.Item>
          </Form>
        </Card>
      )}
      <Card title={`${dayjs(`${month}-01`).format('YYYY年M月')}薪酬和五险一金`}>
        {data && (
          <Typography.Paragraph type="secondary" data-testid="payroll-totals">
            {totalsText(data.totals)}
          </Typography.Paragraph>
        )}
        <Table<Row>
          rowKey="workerId"
          size="middle"
          loading={isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description="本月没有在职社工" /> }}
          columns={payrollColumns({ editable, officer, patch })}
          summary={() =>
            data && data.totals.workers > 0 ? (
              <Table.Summary fixed>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <strong>合计</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1}>{`${data.totals.missing} 人有缺项`}</Table.Summary.Cell>
                  {[
                    data.totals.salaryFen,
                    null,
                    data.totals.insuranceBaseFen,
                    data.totals.employerShareFen,
                    data.totals.employeeShareFen,
                  ].map((fen, i) => (
                    <Table.Summary.Cell key={i} index={2 + i} align="right">
                      {fen == null ? '' : <strong>{yuan(fen)}</strong>}
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      </Card>
    </>
  );
}
