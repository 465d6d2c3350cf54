import { App, Button, Form, Input, Select, Table, Tag } from 'antd';
import {
  FACILITY_STATUS_LABELS,
  FACILITY_STATUSES,
  SERVICE_ROOM_KIND_LABELS,
  SERVICE_ROOM_KINDS,
  serviceRoomSchema,
  type ServiceRoomInput,
  type ServiceRoomView,
  type StationView,
} from '@shegong/shared';
import { ApiError } from '../../lib/api';
import { fmtDate } from '../../lib/format';
import { fieldErrorsToAntd, zodRule } from '../../lib/zod-rule';
import { useCreateServiceRoom, useServiceRooms } from './stations.api';

/** R-PLAN-2: village/community service rooms under a station. */
export function ServiceRoomsTab({ station }: { station: StationView }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const rooms = useServiceRooms(station.id);
  const createRoom = useCreateServiceRoom(station.id);

  async function add(v: Omit<ServiceRoomInput, 'openedOn'>) {
    try {
      await createRoom.mutateAsync({ ...v, openedOn: null });
      form.resetFields();
      message.success('已登记服务室');
    } catch (e) {
      if (e instanceof ApiError) {
        form.setFields(fieldErrorsToAntd(e.fieldErrors));
        message.error(e.message);
      }
    }
  }

  return (
    <>
      {station.abilities.update && (
        <Form
          form={form}
          layout="inline"
          onFinish={add}
          initialValues={{ kind: 'village', status: 'operating' }}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item
            name="villageName"
            label="村（社区）"
            rules={[{ required: true, message: '请输入村（社区）名称' }, zodRule(serviceRoomSchema.shape.villageName)]}
          >
            <Input placeholder="如：西街村" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="kind" label="类型">
            <Select
              style={{ width: 90 }}
              options={SERVICE_ROOM_KINDS.map((k) => ({ value: k, label: SERVICE_ROOM_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select
              style={{ width: 100 }}
              options={FACILITY_STATUSES.map((k) => ({ value: k, label: FACILITY_STATUS_LABELS[k] }))}
            />
          </Form.Item>
          <Button htmlType="submit">登记服务室</Button>
        </Form>
      )}
      <Table
        rowKey="id"
        size="small"
        dataSource={rooms.data?.items}
        loading={rooms.isLoading}
        pagination={false}
        locale={{ emptyText: '尚未登记村（社区）社会工作服务室' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', render: (k: ServiceRoomView['kind']) => SERVICE_ROOM_KIND_LABELS[k] },
          {
            title: '状态',
            dataIndex: 'status',
            render: (k: ServiceRoomView['status']) => (
              <Tag color={k === 'operating' ? 'success' : 'default'}>{FACILITY_STATUS_LABELS[k]}</Tag>
            ),
          },
          { title: '启用日期', dataIndex: 'openedOn', render: fmtDate },
        ]}
      />
    </>
  );
}
