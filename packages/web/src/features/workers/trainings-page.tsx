import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ORGANISER_LEVEL_LABELS, ORGANISER_LEVELS, type OrganiserLevel, type TrainingView } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { usePaging } from '../../lib/paging';
import { showFormError } from '../../lib/zod-rule';
import { useConfirmTraining, useCreateTraining, useRefreshTrainings, useTrainings } from './trainings.api';
import { counts, TrainingsTable } from './trainings-table';
import { WorkerSelect } from './worker-select';

const LEVEL_OPTIONS = ORGANISER_LEVELS.map((l) => ({ value: l, label: ORGANISER_LEVEL_LABELS[l] }));

/** 培训 (R-TAL-1): sessions with organiser level and hours; confirmed qualifying ones count toward the 60 hours of R-STAFF-3. */
export function TrainingsPage() {
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<TrainingView | null>(null);
  const [form] = Form.useForm();
  const [confirmForm] = Form.useForm();
  const paging = usePaging({ unit: '期培训' });
  const { data, isLoading } = useTrainings(paging.query);
  // R-STAFF-3: how many sessions the caller may still confirm — the server's count, not this page's.
  const pendingQuery = useTrainings({ pendingConfirm: 'true', pageSize: 1 }, { enabled: can('trainings:confirm') });
  const createTraining = useCreateTraining();
  const confirmTraining = useConfirmTraining();
  const refresh = useRefreshTrainings();
  const pending = pendingQuery.data?.total ?? 0;
  const narrow = !Grid.useBreakpoint().md;

  async function create(v: Record<string, unknown>) {
    try {
      const [start, end] = v.range as [Dayjs, Dayjs];
      await createTraining.mutateAsync({
        title: String(v.title ?? ''),
        organiser: String(v.organiser ?? ''),
        organiserLevel: v.organiserLevel as OrganiserLevel,
        hours: Number(v.hours),
        startOn: start.format('YYYY-MM-DD'),
        endOn: end.format('YYYY-MM-DD'),
        workerIds: (v.workerIds as string[] | undefined) ?? [],
      });
      message.success('已登记');
      setOpen(false);
      form.resetFields();
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }

  function startConfirm(t: TrainingView) {
    confirmForm.setFieldsValue({ organiserLevel: t.organiserLevel });
    setConfirming(t);
  }

  /** Confirming cannot be undone, so it asks once more and says what the hours will do. */
  function confirmOrganiser({ organiserLevel }: { organiserLevel: OrganiserLevel }) {
    const t = confirming;
    if (!t) return;
    const people = t.attendees.length;
    modal.confirm({
      title: '确认主办单位？',
      content: `${t.title}：主办单位类别确认为“${ORGANISER_LEVEL_LABELS[organiserLevel]}”。${counts(organiserLevel) ? `确认后 ${t.hours} 学时计入${people ? ` ${people} 名参训社工的` : ''}社会工作专业资质学时。` : '该培训不计入资质学时。'}确认后不能撤销。`,
      okText: '确认',
      cancelText: '返回修改',
      onOk: async () => {
        try {
          await confirmTraining.mutateAsync({ id: t.id, organiserLevel });
          message.success('已确认主办单位');
          setConfirming(null);
        } catch (e) {
          showFormError(confirmForm, e, message.error);
        }
      },
    });
  }

  return (
    <>
      <PageHeader
        title="培训"
        crumbs={[{ title: '社工队伍' }, { title: '培训' }]}
        extra={
          <Space wrap>
            <ExportButton url="/api/v1/trainings/export" fileName="培训记录.xlsx" />
            {can('trainings:write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
                登记培训
              </Button>
            )}
          </Space>
        }
      />
      {pending > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${pending} 条承接机构登记的培训待确认主办单位`}
          description="确认主办单位后，县级以上民政部门、孵化基地、行业组织主办的专业培训学时才计入社工的社会工作专业资质。"
        />
      )}
      <Card styles={{ body: { padding: narrow ? 8 : undefined } }}>
        <TrainingsTable
          items={data?.items}
          loading={isLoading}
          narrow={narrow}
          canWrite={can('trainings:write')}
          onConfirm={startConfirm}
          onUploaded={() => void refresh()}
          pagination={paging.pagination(data?.total)}
        />
      </Card>
      <Modal
        title="登记培训"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="登记"
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={create}
          initialValues={{ organiserLevel: 'county_civil_affairs' }}
        >
          <Form.Item label="培训名称" name="title" rules={[{ required: true, message: '请输入' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="主办单位" name="organiser" rules={[{ required: true, message: '请输入' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            label="主办单位类别"
            name="organiserLevel"
            extra={
              can('trainings:confirm')
                ? '县级以上民政部门、孵化基地、行业组织的专业培训计入资质学时'
                : '县级以上民政部门、孵化基地、行业组织的专业培训，经县（区）民政局确认主办单位后计入资质学时'
            }
          >
            <Select options={LEVEL_OPTIONS} />
          </Form.Item>
          <Form.Item label="日期" name="range" rules={[{ required: true, message: '请选择' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="学时" name="hours" rules={[{ required: true, message: '请输入' }]}>
            <InputNumber min={0.5} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="参训人员" name="workerIds">
            <WorkerSelect enabled={open} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title="确认主办单位"
        open={!!confirming}
        onCancel={() => setConfirming(null)}
        onOk={() => confirmForm.submit()}
        okText="确认"
        forceRender
      >
        {confirming && (
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 't', label: '培训', children: confirming.title },
              { key: 'o', label: '主办单位', children: confirming.organiser },
              {
                key: 'h',
                label: '学时',
                children: `${confirming.hours} 学时（${confirming.startOn} 至 ${confirming.endOn}）`,
              },
              { key: 'a', label: '参训人员', children: confirming.attendees.map((a) => a.name).join('、') || '—' },
            ]}
          />
        )}
        <Form form={confirmForm} layout="vertical" onFinish={confirmOrganiser}>
          <Form.Item
            label="主办单位类别"
            name="organiserLevel"
            rules={[{ required: true, message: '请选择主办单位类别' }]}
            extra="确认后，县级以上民政部门、孵化基地、行业组织主办的专业培训学时计入社会工作专业资质；承接机构自行组织的培训请选“其他”。"
          >
            <Select options={LEVEL_OPTIONS} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
