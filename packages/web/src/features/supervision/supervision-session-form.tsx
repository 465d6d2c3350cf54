import { useEffect } from 'react';
import { App, Checkbox, DatePicker, Empty, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { SUPERVISOR_KIND_LABELS, SUPERVISOR_KINDS, type SupervisorKind } from '@shegong/shared';
import { showFormError } from '../../lib/zod-rule';
import { useStations } from '../stations/stations.api';
import { useCreateSupervisionSession, useSupervisionAttendees } from './supervision.api';

interface Values {
  stationId?: string;
  heldOn?: Dayjs;
  supervisorName?: string;
  supervisorKind?: SupervisorKind;
  hours?: number;
  topics?: string;
  followUp?: string;
  workerIds?: string[];
}

/**
 * 新增督导记录 (R-EVAL-4): the station (one the contractor's contract covers), the day (not after today), the supervisor
 * and whether internal or external, the hours, topics and follow-up, and the workers — picked from those assigned to
 * the station that day, so nobody is typed twice. The server's field errors show on their fields; the input stays.
 */
export function SupervisionSessionForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const create = useCreateSupervisionSession();
  const stations = useStations({ page: 1, pageSize: 200 }, { enabled: open });
  const stationId: string | undefined = Form.useWatch('stationId', form);
  const heldOn: Dayjs | undefined = Form.useWatch('heldOn', form);
  const day = heldOn ? heldOn.format('YYYY-MM-DD') : undefined;
  const attendees = useSupervisionAttendees(open ? stationId : undefined, day);
  const options = stations.data?.items.map((s) => ({ value: s.id, label: s.name })) ?? [];

  // One station: take it. Another station or day: the picked workers may no longer be there.
  const only = stations.data?.items.length === 1 ? stations.data.items[0].id : undefined;
  useEffect(() => {
    if (only && !form.getFieldValue('stationId')) form.setFieldValue('stationId', only);
  }, [only, form]);
  useEffect(() => {
    const here = new Set(attendees.data?.items.map((w) => w.id));
    const picked: string[] = form.getFieldValue('workerIds') ?? [];
    if (attendees.data && picked.some((w) => !here.has(w)))
      form.setFieldValue(
        'workerIds',
        picked.filter((w) => here.has(w)),
      );
  }, [attendees.data, form]);

  async function submit(v: Values) {
    try {
      await create.mutateAsync({
        stationId: v.stationId!,
        heldOn: v.heldOn!.format('YYYY-MM-DD'),
        supervisorName: v.supervisorName!.trim(),
        supervisorKind: v.supervisorKind!,
        hours: v.hours!,
        topics: v.topics!.trim(),
        followUp: (v.followUp ?? '').trim(),
        workerIds: v.workerIds ?? [],
      });
      message.success('督导记录已登记');
      form.resetFields();
      onClose();
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }

  const required = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];
  return (
    <Modal
      title="新增督导记录"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      cancelText="取消"
      confirmLoading={create.isPending}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ heldOn: dayjs(), supervisorKind: 'internal' }}
      >
        <Form.Item label="社工站" name="stationId" rules={[{ required: true, message: '请选择社工站' }]}>
          <Select options={options} loading={stations.isLoading} placeholder="选择本机构服务的社工站" />
        </Form.Item>
        <Form.Item label="督导日期" name="heldOn" rules={[{ required: true, message: '请选择督导日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item label="督导姓名" name="supervisorName" rules={required('督导姓名')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="督导类型" name="supervisorKind" rules={[{ required: true, message: '请选择督导类型' }]}>
          <Radio.Group
            options={SUPERVISOR_KINDS.map((k) => ({ value: k, label: SUPERVISOR_KIND_LABELS[k] }))}
            optionType="button"
          />
        </Form.Item>
        <Form.Item
          label="督导时长（小时）"
          name="hours"
          rules={[{ required: true, message: '请填写督导时长' }]}
          extra="大于 0，不超过 24 小时，可保留一位小数"
        >
          <InputNumber min={0.1} max={24} step={0.5} precision={1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="督导主题和内容" name="topics" rules={required('督导主题和内容')}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item label="跟进事项" name="followUp">
          <Input.TextArea rows={2} maxLength={1000} showCount placeholder="下次督导前需要跟进的事项（可不填）" />
        </Form.Item>
        <Form.Item
          label="参加督导的社工"
          name="workerIds"
          rules={[{ required: true, type: 'array', min: 1, message: '请选择参加督导的社工' }]}
          extra={stationId && day ? `${day} 派驻该社工站的社工` : '先选择社工站和督导日期'}
        >
          {attendees.data?.items.length ? (
            <Checkbox.Group options={attendees.data.items.map((w) => ({ value: w.id, label: w.name }))} />
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={stationId && day ? '当天没有派驻该社工站的社工' : '请先选择社工站和督导日期'}
            />
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}
