import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Button, Card, Drawer, Empty, Form, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  FILING_STATUS_LABELS,
  DEADLINE_STATUSES,
  FILING_STATUSES,
  WORKER_ROLE_LABELS,
  WORKER_ROLES,
  checkCitizenId,
  type CreateWorkerInput,
  type WorkerQuery,
  type WorkerView,
} from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { ExcelImport } from '../../components/excel-import';
import { FindingCount } from '../../components/finding-count';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { showFormError } from '../../lib/zod-rule';
import { usePaging } from '../../lib/paging';
import { WorkerFields } from './worker-fields';
import { FilingTag, QualificationTag } from './worker-tags';
import {
  rosterImportUrl,
  rosterProblemsUrl,
  rosterTemplateUrl,
  useCreateWorker,
  useRefreshWorkers,
  useWorkers,
} from './workers.api';
import { useStationLabel } from '../stations/station-label';

const DATES = ['hireDate', 'certificateDate', 'labourContractStart', 'labourContractEnd'] as const;

/** 社工名册: the contractor's roster; the county's and city's view of the staff in their area. */
export function WorkersPage() {
  const { can } = useAuth();
  const stationLabel = useStationLabel();
  const nav = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  // A station page links here with ?stationId= to list that station's workers; the 工作台 with ?filingStatus= or
  // ?deadline= to list what waits (only known values are taken, so a stale link cannot make the list fail).
  const [linked] = useState(() => ({
    filingStatus: FILING_STATUSES.find((s) => s === params.get('filingStatus')),
    deadline: DEADLINE_STATUSES.find((s) => s === params.get('deadline')),
  }));
  const [filters, setFilters] = useState<Partial<WorkerQuery>>({
    stationId: params.get('stationId') ?? undefined,
    ...linked,
  });
  const paging = usePaging({ unit: '人' });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const idNumber = Form.useWatch('idNumber', form) as string | undefined;
  const idCheck = idNumber && idNumber.length === 18 ? checkCitizenId(idNumber, dayjs().format('YYYY-MM-DD')) : null;
  const { data, isLoading } = useWorkers({ ...filters, ...paging.query });
  const createWorker = useCreateWorker();
  const refresh = useRefreshWorkers();

  async function create(v: Record<string, unknown>) {
    try {
      const body = {
        ...v,
        socialWorkMajor: !!v.socialWorkMajor,
        localHukou: !!v.localHukou,
        archiveKept: !!v.archiveKept,
        certificateLevel: v.certificateLevel ?? null,
        ...Object.fromEntries(DATES.map((k) => [k, v[k] ? (v[k] as Dayjs).format('YYYY-MM-DD') : null])),
      };
      const w = await createWorker.mutateAsync(body as CreateWorkerInput);
      message.success('已登记');
      setOpen(false);
      nav(`/workers/${w.id}`);
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }

  return (
    <>
      <PageHeader
        title="社工名册"
        crumbs={[{ title: '社工队伍' }, { title: '社工名册' }]}
        extra={
          <Space wrap>
            <ExportButton url="/api/v1/workers/export" query={filters} fileName="社工名册.xlsx" />
            {can('workers:write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
                登记社工
              </Button>
            )}
          </Space>
        }
      />
      {can('workers:write') && (
        <ExcelImport
          title="从 Excel 导入名册"
          templateUrl={rosterTemplateUrl}
          templateName="社工名册导入模板.xlsx"
          importUrl={rosterImportUrl}
          problemsUrl={rosterProblemsUrl}
          onDone={() => void refresh()}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Form
          name="filter"
          initialValues={linked}
          layout="inline"
          style={{ rowGap: 8 }}
          onValuesChange={(_, all) => {
            setFilters({ ...all, stationId: filters.stationId });
            paging.reset();
          }}
        >
          <Form.Item name="role" label="岗位">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 120 }}
              options={WORKER_ROLES.map((r) => ({ value: r, label: WORKER_ROLE_LABELS[r] }))}
            />
          </Form.Item>
          <Form.Item name="filingStatus" label="备案">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 120 }}
              options={FILING_STATUSES.map((s) => ({ value: s, label: FILING_STATUS_LABELS[s] }))}
            />
          </Form.Item>
          <Form.Item name="deadline" label="资质期限">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 140 }}
              options={[
                { value: 'at_risk', label: '90 日内到期' },
                { value: 'overdue', label: '已逾期' },
                { value: 'qualified', label: '已具备资质' },
              ]}
            />
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <Table
          rowKey="id"
          loading={isLoading}
          dataSource={data?.items}
          scroll={{ x: 'max-content' }}
          pagination={paging.pagination(data?.total)}
          locale={{
            emptyText: <Empty description={can('workers:write') ? '尚未登记社工，点击“登记社工”开始' : '暂无社工'} />,
          }}
          columns={[
            {
              title: '姓名',
              dataIndex: 'name',
              render: (_: string, w: WorkerView) => <Link to={`/workers/${w.id}`}>{w.name}</Link>,
            },
            { title: '身份证号', dataIndex: 'idNumber', responsive: ['md' as const] },
            { title: '岗位', dataIndex: 'role', render: (r: WorkerView['role']) => WORKER_ROLE_LABELS[r] },
            { title: '机构', dataIndex: 'organisationName', responsive: ['lg' as const] },
            {
              title: '派驻社工站',
              key: 'st',
              render: (_: unknown, w: WorkerView) =>
                w.assignments
                  .filter((a) => !a.endOn)
                  .map((a) => stationLabel(a.stationName, a.countyCode))
                  .join('、') || '—',
            },
            { title: '资质', key: 'q', render: (_: unknown, w: WorkerView) => <QualificationTag w={w} /> },
            {
              title: '备案',
              dataIndex: 'filingStatus',
              render: (s: WorkerView['filingStatus']) => <FilingTag status={s} />,
            },
            {
              title: '合规提示',
              key: 'f',
              render: (_: unknown, w: WorkerView) => <FindingCount findings={w.findings} />,
            },
          ]}
        />
      </Card>
      <Drawer
        title="登记社工"
        open={open}
        onClose={() => setOpen(false)}
        size="large"
        forceRender
        extra={
          <Space>
            <Button onClick={() => setOpen(false)}>取消</Button>
            <Button type="primary" onClick={() => form.submit()}>
              登记
            </Button>
          </Space>
        }
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={create}
          initialValues={{ role: 'resident', education: 'bachelor', hireDate: dayjs(), localHukou: true }}
        >
          <WorkerFields idCheck={idCheck} />
        </Form>
      </Drawer>
    </>
  );
}
