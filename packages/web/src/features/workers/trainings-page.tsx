import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  ORGANISER_LEVEL_LABELS,
  ORGANISER_LEVELS,
  QUALIFYING_ORGANISERS,
  type OrganiserLevel,
  type TrainingView,
  type WorkerView,
} from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { AttachmentsList } from '../../components/attachments-list';
import { PageHeader } from '../../components/page-header';
import { api } from '../../lib/api';
import { showFormError } from '../../lib/zod-rule';

const LEVEL_OPTIONS = ORGANISER_LEVELS.map((l) => ({ value: l, label: ORGANISER_LEVEL_LABELS[l] }));
const counts = (l: OrganiserLevel) => QUALIFYING_ORGANISERS.includes(l);

const ATTENDEES_SHOWN = 3;
/** A few names, then the count; the full list is in the expanded row. */
const attendeesText = (t: TrainingView) =>
  t.attendees.length === 0
    ? '—'
    : t.attendees
        .slice(0, ATTENDEES_SHOWN)
        .map((a) => a.name)
        .join('、') + (t.attendees.length > ATTENDEES_SHOWN ? ` 等 ${t.attendees.length} 人` : '');

/** The organiser's kind, blue when its hours count toward qualification. */
const LevelTag = ({ t }: { t: TrainingView }) => (
  <Tag color={t.qualifying && t.organiserConfirmed ? 'blue' : 'default'}>
    {ORGANISER_LEVEL_LABELS[t.organiserLevel]}
  </Tag>
);

/**
 * Whether a session's hours count toward 社会工作专业资质 (R-STAFF-3): the organiser must be of a qualifying kind and,
 * for a contractor's own record, confirmed by a civil affairs officer.
 */
function ConfirmationState({ t }: { t: TrainingView }) {
  const effect = counts(t.organiserLevel)
    ? t.organiserConfirmed
      ? '计入资质学时'
      : '暂不计入资质学时'
    : '不计入资质学时';
  return (
    <Flex vertical gap={2} align="flex-start">
      {t.organiserConfirmed ? (
        <Tag color="success">{t.organiserConfirmedBy ? `已确认（${t.organiserConfirmedBy}）` : '已确认'}</Tag>
      ) : (
        <Tag color="warning">待县（区）民政局确认</Tag>
      )}
      <Typography.Text
        type={t.organiserConfirmed && counts(t.organiserLevel) ? undefined : 'secondary'}
        style={{ fontSize: 12 }}
      >
        {effect}
      </Typography.Text>
    </Flex>
  );
}

/** 培训 (R-TAL-1): sessions with organiser level and hours; confirmed qualifying ones count toward the 60 hours of R-STAFF-3. */
export function TrainingsPage() {
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<TrainingView | null>(null);
  const [form] = Form.useForm();
  const [confirmForm] = Form.useForm();
  const { data, isLoading } = useQuery({
    queryKey: ['trainings'],
    queryFn: () => api.get<{ items: TrainingView[] }>('/api/v1/trainings'),
  });
  const workers = useQuery({
    queryKey: ['workers', {}],
    queryFn: () => api.get<{ items: WorkerView[] }>('/api/v1/workers'),
    enabled: open,
  });
  const pending = (data?.items ?? []).filter((t) => t.abilities.confirm).length;
  const narrow = !Grid.useBreakpoint().md;
  const confirmButton = (t: TrainingView) =>
    t.abilities.confirm && (
      <Button size="small" type="primary" ghost onClick={() => startConfirm(t)}>
        确认主办单位
      </Button>
    );

  async function refresh() {
    await qc.invalidateQueries({ queryKey: ['trainings'] });
    await qc.invalidateQueries({ queryKey: ['workers'] });
  }

  async function create(v: Record<string, unknown>) {
    try {
      const [start, end] = v.range as [Dayjs, Dayjs];
      await api.post('/api/v1/trainings', {
        title: v.title,
        organiser: v.organiser,
        organiserLevel: v.organiserLevel,
        hours: v.hours,
        startOn: start.format('YYYY-MM-DD'),
        endOn: end.format('YYYY-MM-DD'),
        workerIds: v.workerIds ?? [],
      });
      message.success('已登记');
      setOpen(false);
      form.resetFields();
      await refresh();
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
          await api.post(`/api/v1/trainings/${t.id}/confirm`, { organiserLevel });
          message.success('已确认主办单位');
          setConfirming(null);
          await refresh();
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
          can('trainings:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              登记培训
            </Button>
          )
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
        <Table
          rowKey="id"
          loading={isLoading}
          dataSource={data?.items}
          scroll={narrow ? undefined : { x: 'max-content' }}
          locale={{
            emptyText: (
              <Empty description={can('trainings:write') ? '尚无培训记录，点击“登记培训”开始' : '尚无培训记录'} />
            ),
          }}
          expandable={{
            expandedRowRender: (t) => (
              <>
                {t.attendees.length > ATTENDEES_SHOWN && (
                  <Typography.Paragraph>
                    参训人员（{t.attendees.length} 人）：{t.attendees.map((a) => a.name).join('、')}
                  </Typography.Paragraph>
                )}
                <AttachmentsList
                  files={t.files}
                  hrefOf={(f) => `/api/v1/trainings/${t.id}/files/${f.fileId}`}
                  uploadUrl={can('trainings:write') ? `/api/v1/trainings/${t.id}/files` : undefined}
                  labels={['培训通知', '签到表', '课件', '其他']}
                  onUploaded={() => void qc.invalidateQueries({ queryKey: ['trainings'] })}
                />
              </>
            ),
          }}
          columns={
            narrow
              ? [
                  // One column on a phone: everything about the session, and the action, without sideways scrolling.
                  {
                    title: '培训',
                    key: 'all',
                    render: (_: unknown, t: TrainingView) => (
                      <Flex vertical gap={4} align="flex-start" style={{ whiteSpace: 'normal' }}>
                        <Typography.Text strong>{t.title}</Typography.Text>
                        <span>
                          {t.organiser} <LevelTag t={t} />
                        </span>
                        <Typography.Text type="secondary">
                          {t.startOn} 至 {t.endOn}，{t.hours} 学时；参训：{attendeesText(t)}
                        </Typography.Text>
                        <ConfirmationState t={t} />
                        {confirmButton(t)}
                      </Flex>
                    ),
                  },
                ]
              : [
                  { title: '培训', dataIndex: 'title' },
                  {
                    title: '主办单位',
                    key: 'org',
                    render: (_: unknown, t: TrainingView) => (
                      <Flex vertical gap={4} align="flex-start">
                        {t.organiser}
                        <LevelTag t={t} />
                      </Flex>
                    ),
                  },
                  { title: '日期', key: 'd', render: (_: unknown, t: TrainingView) => `${t.startOn} 至 ${t.endOn}` },
                  { title: '学时', dataIndex: 'hours' },
                  { title: '参训人员', key: 'a', render: (_: unknown, t: TrainingView) => attendeesText(t) },
                  {
                    title: '主办单位确认',
                    key: 'confirm',
                    render: (_: unknown, t: TrainingView) => (
                      <Flex vertical gap={4} align="flex-start">
                        <ConfirmationState t={t} />
                        {confirmButton(t)}
                      </Flex>
                    ),
                  },
                ]
          }
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
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={(workers.data?.items ?? []).map((w) => ({
                value: w.id,
                label: `${w.name}（${w.organisationName}）`,
              }))}
            />
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
