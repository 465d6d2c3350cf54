import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ORGANISER_LEVEL_LABELS, ORGANISER_LEVELS, type TrainingView, type WorkerView } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { AttachmentsList } from '../../components/attachments-list';
import { PageHeader } from '../../components/page-header';
import { api } from '../../lib/api';
import { showFormError } from '../../lib/zod-rule';

/** 培训 (R-TAL-1): sessions with organiser level and hours; qualifying ones count toward the 60 hours of R-STAFF-3. */
export function TrainingsPage() {
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const { data, isLoading } = useQuery({ queryKey: ['trainings'], queryFn: () => api.get<{ items: TrainingView[] }>('/api/v1/trainings') });
  const workers = useQuery({ queryKey: ['workers', {}], queryFn: () => api.get<{ items: WorkerView[] }>('/api/v1/workers'), enabled: open });

  async function create(v: Record<string, unknown>) {
    try {
      const [start, end] = v.range as [Dayjs, Dayjs];
      await api.post('/api/v1/trainings', { title: v.title, organiser: v.organiser, organiserLevel: v.organiserLevel, hours: v.hours, startOn: start.format('YYYY-MM-DD'), endOn: end.format('YYYY-MM-DD'), workerIds: v.workerIds ?? [] });
      message.success('已登记');
      setOpen(false);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['trainings'] });
      await qc.invalidateQueries({ queryKey: ['workers'] });
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }

  return (
    <>
      <PageHeader title="培训" crumbs={[{ title: '社工队伍' }, { title: '培训' }]} extra={can('trainings:write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>登记培训</Button>} />
      <Card>
        <Table rowKey="id" loading={isLoading} dataSource={data?.items} scroll={{ x: 'max-content' }} locale={{ emptyText: <Empty description="尚无培训记录" /> }}
          expandable={{ expandedRowRender: (t) => (
            <AttachmentsList files={t.files} hrefOf={(f) => `/api/v1/trainings/${t.id}/files/${f.fileId}`} uploadUrl={can('trainings:write') ? `/api/v1/trainings/${t.id}/files` : undefined}
              labels={['培训通知', '签到表', '课件', '其他']} onUploaded={() => void qc.invalidateQueries({ queryKey: ['trainings'] })} />
          ) }}
          columns={[
          { title: '培训', dataIndex: 'title' },
          { title: '主办单位', dataIndex: 'organiser' },
          { title: '类别', key: 'lvl', render: (_: unknown, t: TrainingView) => <Tag color={t.qualifying ? 'blue' : 'default'}>{ORGANISER_LEVEL_LABELS[t.organiserLevel]}</Tag> },
          { title: '日期', key: 'd', render: (_: unknown, t: TrainingView) => `${t.startOn} 至 ${t.endOn}` },
          { title: '学时', dataIndex: 'hours' },
          { title: '参训人员', key: 'a', render: (_: unknown, t: TrainingView) => t.attendees.map((a) => a.name).join('、') || '—' },
        ]} />
      </Card>
      <Modal title="登记培训" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="登记" forceRender>
        <Form form={form} layout="vertical" onFinish={create} initialValues={{ organiserLevel: 'county_civil_affairs' }}>
          <Form.Item label="培训名称" name="title" rules={[{ required: true, message: '请输入' }]}><Input /></Form.Item>
          <Form.Item label="主办单位" name="organiser" rules={[{ required: true, message: '请输入' }]}><Input /></Form.Item>
          <Form.Item label="主办单位类别" name="organiserLevel" extra="县级以上民政部门、孵化基地、行业组织的专业培训计入资质学时"><Select options={ORGANISER_LEVELS.map((l) => ({ value: l, label: ORGANISER_LEVEL_LABELS[l] }))} /></Form.Item>
          <Form.Item label="日期" name="range" rules={[{ required: true, message: '请选择' }]}><DatePicker.RangePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item label="学时" name="hours" rules={[{ required: true, message: '请输入' }]}><InputNumber min={0.5} step={0.5} style={{ width: '100%' }} /></Form.Item>
          <Form.Item label="参训人员" name="workerIds"><Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={(workers.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.name}（${w.organisationName}）` }))} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
