import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  ROLE_LABELS,
  ROLE_LEVEL,
  USER_STATUS_LABELS,
  assignableRoles,
  createUserSchema,
  isOrganisationRole,
  type CreateUserInput,
  type Division,
  type Role,
  type UpdateUserInput,
  type UserQuery,
  type UserView,
} from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { ApiError } from '../../lib/api';
import { useDivisions } from '../../lib/divisions';
import { fmtDateTime } from '../../lib/format';
import { fieldErrorsToAntd, zodRule } from '../../lib/zod-rule';
import { usePaging } from '../../lib/paging';
import { OrganisationSelect } from '../organisations/organisation-select';
import { useCreateUser, useUpdateUser, useUsers } from './users.api';

/** Divisions at the level a role needs, inside the manager's own scope. */
function placeOptions(all: Division[], role: Role | undefined, myCode: string) {
  if (!role) return [];
  const me = all.find((d) => d.code === myCode);
  const inScope = (d: Division) => me?.level === 'city' || d.code === myCode || d.parentCode === myCode;
  return all.filter((d) => d.level === ROLE_LEVEL[role] && inScope(d)).map((d) => ({ value: d.code, label: d.name }));
}

export function UsersPage() {
  const { user, can } = useAuth();
  const { message } = App.useApp();
  const divisions = useDivisions();
  const [filters, setFilters] = useState<Partial<UserQuery>>({});
  const paging = usePaging({ unit: '个用户' });
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [form] = Form.useForm();
  const [resetForm] = Form.useForm();
  const role = Form.useWatch('role', form) as Role | undefined;
  const list = useUsers({ ...filters, ...paging.query });
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const roles = user ? assignableRoles(user.role) : [];
  const orgRole = !!role && isOrganisationRole(role);
  // A county's managers register and manage the county's organisations; the city's pick from all of them.
  const orgList = { county: user && ROLE_LEVEL[user.role] === 'county' ? user.divisionCode : undefined };

  async function create(v: CreateUserInput) {
    try {
      await createUser.mutateAsync(v);
      message.success(`已创建用户 ${v.username}，首次登录须修改初始密码`);
      setCreating(false);
      form.resetFields();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      form.setFields(fieldErrorsToAntd(e.fieldErrors));
      message.error(e.message);
    }
  }

  async function patch(u: UserView, body: Omit<UpdateUserInput, 'version'>, done: string) {
    try {
      await updateUser.mutateAsync({ id: u.id, version: u.version, ...body });
      message.success(done);
      return true;
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
      return false;
    }
  }

  return (
    <>
      <PageHeader
        title="用户管理"
        crumbs={[{ title: '系统管理' }, { title: '用户管理' }]}
        extra={
          can('users:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新增用户
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form
          name="filter"
          layout="inline"
          onValuesChange={(_, all) => {
            setFilters(all);
            paging.reset();
          }}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="q" label="用户名/姓名">
            <Input allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="role" label="角色">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 190 }}
              options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 100 }}
              options={Object.entries(USER_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items}
          scroll={{ x: 'max-content' }}
          pagination={paging.pagination(list.data?.total)}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            { title: '角色', dataIndex: 'role', render: (r: Role) => ROLE_LABELS[r] },
            {
              title: '所属区划/机构',
              key: 'place',
              render: (_: unknown, u: UserView) => u.organisationName ?? u.divisionName,
            },
            {
              title: '状态',
              key: 'status',
              render: (_: unknown, u: UserView) => (
                <Space size={4}>
                  <Tag color={u.status === 'active' ? 'success' : 'default'}>{USER_STATUS_LABELS[u.status]}</Tag>
                  {u.lockedUntil && <Tag color="error">已锁定</Tag>}
                  {u.mustChangePassword && <Tag color="warning">待改密码</Tag>}
                </Space>
              ),
            },
            { title: '最近登录', dataIndex: 'lastLoginAt', render: fmtDateTime, responsive: ['lg' as const] },
            {
              title: '操作',
              key: 'ops',
              render: (_: unknown, u: UserView) =>
                can('users:manage') && u.id !== user?.id && roles.includes(u.role) ? (
                  <Space>
                    <Popconfirm
                      title={
                        u.status === 'active' ? `停用 ${u.username}？其登录会话将立即失效` : `启用 ${u.username}？`
                      }
                      onConfirm={() =>
                        patch(
                          u,
                          { status: u.status === 'active' ? 'disabled' : 'active' },
                          u.status === 'active' ? '已停用' : '已启用',
                        )
                      }
                    >
                      <Button size="small" danger={u.status === 'active'}>
                        {u.status === 'active' ? '停用' : '启用'}
                      </Button>
                    </Popconfirm>
                    <Button size="small" onClick={() => setResetting(u)}>
                      重置密码
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        title="新增用户"
        open={creating}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText="创建"
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, message: '请输入用户名' }, zodRule(createUserSchema.shape.username)]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请输入姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
            <Select
              options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              onChange={() => form.setFieldValue('divisionCode', undefined)}
            />
          </Form.Item>
          {orgRole ? (
            <Form.Item
              label="所属承接机构"
              name="organisationId"
              rules={[{ required: true, message: '请选择承接机构' }]}
              extra="该用户只能看到本机构、本机构的合同及合同覆盖的社工站"
            >
              <OrganisationSelect
                lists={[{ query: orgList }]}
                keep={(o) => o.abilities.update}
                enabled={creating && orgRole}
                onChange={(_, o) => form.setFieldValue('divisionCode', o?.divisionCode)}
              />
            </Form.Item>
          ) : (
            <Form.Item label="所属区划" name="divisionCode" rules={[{ required: true, message: '请选择所属区划' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={placeOptions(divisions.data ?? [], role, user?.divisionCode ?? '')}
                placeholder={role ? '请选择' : '请先选择角色'}
              />
            </Form.Item>
          )}
          {orgRole && (
            <Form.Item name="divisionCode" hidden>
              <Input />
            </Form.Item>
          )}
          <Form.Item
            label="初始密码"
            name="password"
            extra="至少 10 个字符，含字母和数字；用户首次登录须修改"
            rules={[{ required: true, message: '请输入初始密码' }, zodRule(createUserSchema.shape.password)]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={`重置密码：${resetting?.username ?? ''}`}
        open={!!resetting}
        onCancel={() => setResetting(null)}
        onOk={() => resetForm.submit()}
        okText="重置"
        destroyOnHidden
        forceRender
      >
        <Form
          form={resetForm}
          layout="vertical"
          onFinish={async (v) => {
            if (resetting && (await patch(resetting, { password: v.password }, '密码已重置，用户下次登录须修改'))) {
              setResetting(null);
              resetForm.resetFields();
            }
          }}
        >
          <Form.Item
            label="新的初始密码"
            name="password"
            rules={[{ required: true, message: '请输入密码' }, zodRule(createUserSchema.shape.password)]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
