import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Empty, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { formatFen, type CreatePurchasePlanBody, type PurchasePlanView } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { unitsFor, useDivisions } from '../../lib/divisions';
import { fmtDateTime } from '../../lib/format';
import { showFormError, useDefaultField } from '../../lib/zod-rule';
import { usePaging } from '../../lib/paging';
import { PlanStatusTag } from './plan-status-tag';
import { useCreatePurchasePlan, usePurchasePlans } from './purchasing.api';

/** 年度购买服务计划 (R-PUR-2): the county's plans; for the city, the filing list of all units. */
export function PurchasePlansPage() {
  const { user, can } = useAuth();
  const nav = useNavigate();
  const { message } = App.useApp();
  const divisions = useDivisions();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const paging = usePaging({ unit: '份' });
  const { data, isLoading } = usePurchasePlans(paging.query);
  const createPlan = useCreatePurchasePlan();
  const units = unitsFor(divisions.data, user?.divisionCode);
  useDefaultField(form, 'countyCode', units[0]?.code);

  async function create(v: Record<string, unknown>) {
    try {
      const p = await createPlan.mutateAsync(v as CreatePurchasePlanBody);
      nav(`/purchase-plans/${p.id}`);
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }

  return (
    <>
      <PageHeader
        title={can('purchase:file') ? '年度购买服务计划备案' : '年度购买服务计划'}
        crumbs={[{ title: '购买服务' }, { title: '年度购买计划' }]}
        extra={
          can('purchase:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              编制计划
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
          pagination={paging.pagination(data?.total)}
          locale={{
            emptyText: (
              <Empty description={can('purchase:write') ? '尚无计划，点击“编制计划”开始' : '尚无县（区）报送的计划'} />
            ),
          }}
          columns={[
            {
              title: '计划',
              dataIndex: 'title',
              render: (_: string, p: PurchasePlanView) => <Link to={`/purchase-plans/${p.id}`}>{p.title}</Link>,
            },
            { title: '单位', dataIndex: 'countyName' },
            { title: '年度', dataIndex: 'year' },
            { title: '预算', dataIndex: 'budgetFen', render: formatFen },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: PurchasePlanView['status']) => <PlanStatusTag status={s} />,
            },
            { title: '报送时间', dataIndex: 'submittedAt', render: fmtDateTime, responsive: ['lg' as const] },
            { title: '备案时间', dataIndex: 'filedAt', render: fmtDateTime, responsive: ['lg' as const] },
          ]}
        />
      </Card>
      <Modal
        title="编制年度购买服务计划"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="创建草稿"
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={create}
          initialValues={{ countyCode: units[0]?.code, year: new Date().getFullYear() }}
        >
          <Form.Item label="单位" name="countyCode" rules={[{ required: true, message: '请选择' }]}>
            <Select options={units.map((u) => ({ value: u.code, label: u.name }))} />
          </Form.Item>
          <Form.Item label="年度" name="year" rules={[{ required: true, message: '请输入年度' }]}>
            <InputNumber min={2021} max={2035} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="计划名称" name="title" rules={[{ required: true, message: '请输入名称' }]}>
            <Input placeholder="如：濮阳县 2026 年社工站购买服务计划" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
