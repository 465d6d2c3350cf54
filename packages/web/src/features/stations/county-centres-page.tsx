import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  FACILITY_STATUS_LABELS,
  FACILITY_STATUSES,
  type CountyCentreInput,
  type CountyCentreView,
} from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { ApiError } from '../../lib/api';
import { unitsFor, useDivisions } from '../../lib/divisions';
import { fmtDate } from '../../lib/format';
import { fieldErrorsToAntd } from '../../lib/zod-rule';
import { usePaging } from '../../lib/paging';
import { useCountyCentres, useCreateCountyCentre } from './stations.api';

/** R-PLAN-2 一县（区）一中心: the county social work centres, with the units still missing one. */
export function CountyCentresPage() {
  const { user, can } = useAuth();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const divisions = useDivisions();
  const paging = usePaging({ unit: '个社工中心' });
  const { data, isLoading } = useCountyCentres(paging.query);
  // One centre per unit, so every centre fits one page of 200: fetched only when the table's page does not hold all.
  const whole = useCountyCentres({ page: 1, pageSize: 200 }, { enabled: !!data && data.total > data.items.length });
  const centres = (whole.data ?? data)?.items;
  const createCentre = useCreateCountyCentre();
  const units = unitsFor(divisions.data, user?.divisionCode);
  const missing = units.filter((u) => !centres?.some((c) => c.countyCode === u.code));

  async function create(v: Omit<CountyCentreInput, 'establishedOn'>) {
    try {
      await createCentre.mutateAsync({
        ...v,
        address: v.address ?? '',
        phone: v.phone ?? '',
        establishedOn: null,
      });
      setOpen(false);
      form.resetFields();
      message.success('已登记县级社工中心');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      form.setFields(fieldErrorsToAntd(e.fieldErrors));
      message.error(e.message);
    }
  }

  return (
    <>
      <PageHeader
        title="县（区）社会工作服务中心"
        crumbs={[{ title: '社工站', to: '/stations' }, { title: '县级社工中心' }]}
        extra={
          can('stations:write') &&
          missing.length > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              登记社工中心
            </Button>
          )
        }
      />
      {missing.length > 0 && (
        <Card size="small" style={{ marginBottom: 16 }}>
          尚未登记社工中心的单位（《实施方案》一（二）“一县（区）一中心”）：
          {missing.map((u) => (
            <Tag key={u.code} color="warning">
              {u.name}
            </Tag>
          ))}
        </Card>
      )}
      <Card>
        <Table
          rowKey="id"
          loading={isLoading}
          dataSource={data?.items}
          pagination={{ ...paging.pagination(data?.total), hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '尚未登记县级社工中心' }}
          columns={[
            { title: '单位', dataIndex: 'countyName' },
            { title: '名称', dataIndex: 'name' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: CountyCentreView['status']) => (
                <Tag color={s === 'operating' ? 'success' : 'default'}>{FACILITY_STATUS_LABELS[s]}</Tag>
              ),
            },
            { title: '地址', dataIndex: 'address' },
            { title: '电话', dataIndex: 'phone' },
            { title: '成立日期', dataIndex: 'establishedOn', render: fmtDate },
          ]}
        />
      </Card>
      <Modal
        title="登记县级社工中心"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="登记"
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={create} initialValues={{ status: 'operating' }}>
          <Form.Item label="单位" name="countyCode" rules={[{ required: true, message: '请选择单位' }]}>
            <Select
              options={missing.map((u) => ({ value: u.code, label: u.name }))}
              onChange={(code) =>
                form.setFieldValue('name', `${units.find((u) => u.code === code)?.name ?? ''}社会工作服务中心`)
              }
            />
          </Form.Item>
          <Form.Item label="名称" name="name" rules={[{ required: true, message: '请输入名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="状态" name="status">
            <Select options={FACILITY_STATUSES.map((s) => ({ value: s, label: FACILITY_STATUS_LABELS[s] }))} />
          </Form.Item>
          <Form.Item label="地址" name="address">
            <Input />
          </Form.Item>
          <Form.Item label="电话" name="phone">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
