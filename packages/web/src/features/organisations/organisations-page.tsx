import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Drawer, Empty, Form, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, type OrganisationView } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { FindingCount } from '../../components/finding-count';
import { PageHeader } from '../../components/page-header';
import { unitsFor, useDivisions } from '../../lib/divisions';
import { showFormError, useDefaultField } from '../../lib/zod-rule';
import { usePaging } from '../../lib/paging';
import { OrganisationFields, organisationFromForm } from './organisation-form';
import { useCreateOrganisation, useOrganisations } from './organisations.api';

/** 社会组织 (R-ORG-1): the registry, filterable by the registering county. */
export function OrganisationsPage() {
  const { user, can } = useAuth();
  const nav = useNavigate();
  const { message } = App.useApp();
  const divisions = useDivisions();
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const paging = usePaging({ unit: '个社会组织' });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const list = useOrganisations({ ...filters, ...paging.query });
  const register = useCreateOrganisation();
  const allUnits = (divisions.data ?? []).filter((d) => d.level === 'county');
  const myUnits = [
    ...(divisions.data ?? []).filter((d) => d.code === user?.divisionCode && d.level === 'city'),
    ...unitsFor(divisions.data, user?.divisionCode),
  ];
  useDefaultField(form, 'divisionCode', myUnits[0]?.code);

  async function create(v: Record<string, unknown>) {
    try {
      const o = await register.mutateAsync(organisationFromForm(v));
      message.success('已登记');
      setOpen(false);
      form.resetFields();
      nav(`/organisations/${o.id}`);
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }

  return (
    <>
      <PageHeader
        title="社会组织"
        crumbs={[{ title: '购买服务' }, { title: '社会组织' }]}
        extra={
          can('organisations:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              登记社会组织
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form
          name="filter"
          layout="inline"
          style={{ rowGap: 8 }}
          onValuesChange={(_, all) => {
            setFilters(all);
            paging.reset();
          }}
        >
          <Form.Item name="county" label="登记单位">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 140 }}
              options={allUnits.map((u) => ({ value: u.code, label: u.name }))}
            />
          </Form.Item>
          <Form.Item name="type" label="类型">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 170 }}
              options={ORGANISATION_TYPES.map((t) => ({ value: t, label: ORGANISATION_TYPE_LABELS[t] }))}
            />
          </Form.Item>
          <Form.Item name="q" label="名称/代码">
            <Input allowClear style={{ width: 180 }} />
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: (
              <Empty
                description={can('organisations:write') ? '尚未登记社会组织，点击“登记社会组织”开始' : '暂无社会组织'}
              />
            ),
          }}
          pagination={paging.pagination(list.data?.total)}
          columns={[
            {
              title: '名称',
              dataIndex: 'name',
              render: (_: string, o: OrganisationView) => <Link to={`/organisations/${o.id}`}>{o.name}</Link>,
            },
            { title: '统一社会信用代码', dataIndex: 'creditCode', responsive: ['md' as const] },
            { title: '类型', dataIndex: 'type', render: (t: OrganisationView['type']) => ORGANISATION_TYPE_LABELS[t] },
            { title: '评估等级', dataIndex: 'grade', render: (g: string | null) => g ?? '未评定' },
            {
              title: '本地',
              dataIndex: 'local',
              render: (l: boolean) => (l ? <Tag>本地</Tag> : <Tag color="blue">外地</Tag>),
            },
            {
              title: '含社会工作',
              dataIndex: 'socialWorkInScope',
              render: (b: boolean) => (b ? '是' : <Tag color="warning">否</Tag>),
            },
            { title: '登记单位', dataIndex: 'divisionName', responsive: ['lg' as const] },
            {
              title: '合规提示',
              key: 'f',
              render: (_: unknown, o: OrganisationView) => <FindingCount findings={o.findings} />,
            },
          ]}
        />
      </Card>
      <Drawer
        title="登记社会组织"
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
          initialValues={{
            type: 'social_work_agency',
            socialWorkInScope: true,
            local: true,
            divisionCode: myUnits[0]?.code,
          }}
        >
          <OrganisationFields form={form} units={myUnits} />
        </Form>
      </Drawer>
    </>
  );
}
