import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Button, Card, DatePicker, Drawer, Empty, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  PURCHASE_METHOD_LABELS,
  PURCHASE_METHODS,
  type CreateProcurementBody,
  type ProcurementView,
} from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { unitsFor, useDivisions } from '../../lib/divisions';
import { showFormError, useDefaultField } from '../../lib/zod-rule';
import { usePaging } from '../../lib/paging';
import { useStations } from '../stations/stations.api';
import { ProcurementStatusTag } from './plan-status-tag';
import { useCreateProcurement, useProcurements, usePurchasePlans } from './purchasing.api';

const TEXTS = {
  serviceContent: '服务内容',
  serviceStandards: '服务标准',
  requirements: '服务要求',
  bidderConditions: '承接主体条件',
} as const;

/** 采购 (R-PUR-3): announcements, each published on the public portal, and their awards. */
export function ProcurementsPage() {
  const { user, can } = useAuth();
  const nav = useNavigate();
  const { message } = App.useApp();
  const divisions = useDivisions();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const county = Form.useWatch('countyCode', form) as string | undefined;
  const paging = usePaging({ unit: '项' });
  const { data, isLoading } = useProcurements(paging.query);
  // The plans a procurement may name: the unit's filed ones (R-PUR-2).
  const plans = usePurchasePlans({ county, status: 'filed', pageSize: 200 }, { enabled: open && !!county });
  const createProcurement = useCreateProcurement();
  const stations = useStations({ county, page: 1, pageSize: 200 });
  const units = unitsFor(divisions.data, user?.divisionCode);
  useDefaultField(form, 'countyCode', units[0]?.code);

  async function create(v: Record<string, unknown>) {
    try {
      const p = await createProcurement.mutateAsync({
        ...(v as CreateProcurementBody),
        budget: v.budget == null ? null : String(v.budget),
        purchasePlanId: (v.purchasePlanId as string | undefined) ?? null,
        publishedOn: (v.publishedOn as Dayjs).format('YYYY-MM-DD'),
      });
      nav(`/procurements/${p.id}`);
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }

  return (
    <>
      <PageHeader
        title="采购"
        crumbs={[{ title: '购买服务' }, { title: '采购' }]}
        extra={
          can('purchase:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              发布采购公告
            </Button>
          )
        }
      />
      <Card>
        <Table
          rowKey="id"
          loading={isLoading}
          dataSource={data?.items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description="尚无采购项目" /> }}
          pagination={paging.pagination(data?.total)}
          columns={[
            {
              title: '项目',
              dataIndex: 'title',
              render: (_: string, p: ProcurementView) => <Link to={`/procurements/${p.id}`}>{p.title}</Link>,
            },
            { title: '单位', dataIndex: 'countyName' },
            { title: '方式', dataIndex: 'method', render: (m: ProcurementView['method']) => PURCHASE_METHOD_LABELS[m] },
            { title: '公告日期', dataIndex: 'publishedOn' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: ProcurementView['status']) => <ProcurementStatusTag status={s} />,
            },
            {
              title: '承接主体',
              key: 'award',
              render: (_: unknown, p: ProcurementView) => p.award?.organisationName ?? '—',
            },
          ]}
        />
      </Card>
      <Drawer
        title="发布采购公告"
        open={open}
        onClose={() => setOpen(false)}
        size="large"
        forceRender
        extra={
          <Space>
            <Button onClick={() => setOpen(false)}>取消</Button>
            <Button type="primary" onClick={() => form.submit()}>
              发布
            </Button>
          </Space>
        }
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={create}
          initialValues={{ countyCode: units[0]?.code, method: 'public_tender', publishedOn: dayjs() }}
        >
          <Space wrap>
            <Form.Item label="单位" name="countyCode" rules={[{ required: true, message: '请选择' }]}>
              <Select style={{ width: 140 }} options={units.map((u) => ({ value: u.code, label: u.name }))} />
            </Form.Item>
            <Form.Item label="购买方式" name="method" rules={[{ required: true, message: '请选择' }]}>
              <Select
                style={{ width: 160 }}
                options={PURCHASE_METHODS.map((m) => ({ value: m, label: PURCHASE_METHOD_LABELS[m] }))}
              />
            </Form.Item>
            <Form.Item label="公告日期" name="publishedOn" rules={[{ required: true, message: '请选择' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item label="预算（元）" name="budget">
              <InputNumber min={0} precision={2} style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Form.Item label="项目名称" name="title" rules={[{ required: true, message: '请输入' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="依据的年度购买服务计划（须已备案）" name="purchasePlanId">
            <Select
              allowClear
              options={(plans.data?.items ?? [])
                .filter((p) => p.status === 'filed' && p.countyCode === county)
                .map((p) => ({ value: p.id, label: p.title }))}
            />
          </Form.Item>
          <Form.Item label="覆盖的社工站" name="stationIds" rules={[{ required: true, message: '至少选择一个社工站' }]}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={(stations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
          {Object.entries(TEXTS).map(([k, label]) => (
            <Form.Item key={k} label={label} name={k} rules={[{ required: true, message: `请填写${label}` }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          ))}
        </Form>
      </Drawer>
    </>
  );
}
