import { useState } from 'react';
import { useParams } from 'react-router';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Space,
  Spin,
  theme,
} from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { CALL_BACK_STATUS_LABELS, type SatisfactionCallView } from '@shegong/shared';
import { PageHeader } from '../../components/page-header';
import { showFormError } from '../../lib/zod-rule';
import { RatingInput } from './rating-input';
import { CallStatusTag, RatingTag } from './satisfaction-tags';
import { useRecordCall, useSurvey } from './satisfaction.api';

/** One call-back sample: how it was drawn (seed, pool) and the people to call, each with the outcome recorded. */
export function SurveyPage() {
  const { surveyId = '' } = useParams();
  const { token } = theme.useToken();
  const { data: s, isLoading } = useSurvey(surveyId);
  const [calling, setCalling] = useState<SatisfactionCallView | null>(null);
  if (isLoading || !s) return <Spin style={{ margin: 48 }} />;
  return (
    <>
      <PageHeader
        title={`随机回访：${s.stationName}`}
        crumbs={[
          { title: '工作台', to: '/' },
          { title: '满意度', to: '/satisfaction?tab=surveys' },
          { title: '随机回访' },
        ]}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'p', label: '服务期间', children: `${s.periodStart} 至 ${s.periodEnd}` },
            { key: 'o', label: '承接机构', children: s.organisationName ?? '—' },
            { key: 'n', label: '抽取', children: `${s.poolSize} 人中随机抽取 ${s.sampleSize} 人` },
            { key: 's', label: '随机种子', children: <span style={{ overflowWrap: 'anywhere' }}>{s.seed}</span> },
            {
              key: 'c',
              label: '回访进度',
              children: `已回访 ${s.counts.answered}，无法联系 ${s.counts.unreachable}，拒绝 ${s.counts.declined}，待回访 ${s.counts.pending}`,
            },
          ]}
        />
      </Card>
      <List
        dataSource={s.calls ?? []}
        locale={{ emptyText: <Empty description="样本为空" /> }}
        renderItem={(c) => (
          <List.Item style={{ padding: 0, border: 'none', marginBottom: 8 }}>
            <Card size="small" style={{ width: '100%' }}>
              <Space wrap size={8} style={{ width: '100%', justifyContent: 'space-between' }}>
                <Space wrap size={4}>
                  <span style={{ fontWeight: token.fontWeightStrong }}>{c.name}</span>
                  <CallStatusTag status={c.status} />
                  {c.overall !== null && <RatingTag value={c.overall} />}
                </Space>
                {c.phone && (
                  <a href={`tel:${c.phone}`}>
                    <PhoneOutlined /> {c.phone}
                  </a>
                )}
              </Space>
              {c.calledOn && (
                <div style={{ color: token.colorTextDescription, marginTop: 4 }}>
                  回访日期 {c.calledOn}
                  {c.note ? `：${c.note}` : ''}
                </div>
              )}
              {c.status === 'pending' && s.abilities.record && (
                <Button style={{ marginTop: 8 }} onClick={() => setCalling(c)} aria-label={`记录回访结果：${c.name}`}>
                  记录回访结果
                </Button>
              )}
            </Card>
          </List.Item>
        )}
      />
      <CallForm surveyId={s.id} call={calling} onClose={() => setCalling(null)} />
    </>
  );
}

interface Values {
  status: 'answered' | 'unreachable' | 'declined';
  calledOn: Dayjs;
  overall?: number | null;
  attitude?: number | null;
  timeliness?: number | null;
  effect?: number | null;
  comment?: string;
  note?: string;
}

function CallForm({
  surveyId,
  call,
  onClose,
}: {
  surveyId: string;
  call: SatisfactionCallView | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const record = useRecordCall(surveyId);
  const status = Form.useWatch('status', form);
  async function ok() {
    const v = (await form.validateFields().catch(() => null)) as Values | null;
    if (!v || !call) return;
    try {
      await record.mutateAsync({
        callId: call.id,
        version: call.version,
        status: v.status,
        calledOn: v.calledOn.format('YYYY-MM-DD'),
        note: v.note?.trim() ?? '',
        ...(v.status === 'answered'
          ? {
              overall: v.overall ?? undefined,
              attitude: v.attitude ?? null,
              timeliness: v.timeliness ?? null,
              effect: v.effect ?? null,
              comment: v.comment?.trim() ?? '',
            }
          : { attitude: null, timeliness: null, effect: null, comment: '' }),
      });
      message.success(`已记录：${CALL_BACK_STATUS_LABELS[v.status]}`);
      onClose();
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }
  return (
    <Modal
      open={!!call}
      title={`记录回访结果：${call?.name ?? ''}`}
      okText="保存"
      cancelText="取消"
      onOk={ok}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ status: 'answered', calledOn: dayjs() }}>
        <Form.Item name="status" label="回访结果" rules={[{ required: true, message: '请选择回访结果' }]}>
          <Radio.Group
            optionType="button"
            options={(['answered', 'unreachable', 'declined'] as const).map((k) => ({
              value: k,
              label: CALL_BACK_STATUS_LABELS[k],
            }))}
          />
        </Form.Item>
        <Form.Item name="calledOn" label="回访日期" rules={[{ required: true, message: '请选择回访日期' }]}>
          <DatePicker />
        </Form.Item>
        {status === 'answered' && (
          <>
            <Form.Item name="overall" label="总体满意度" rules={[{ required: true, message: '请为“总体满意度”打分' }]}>
              <RatingInput label="总体满意度" />
            </Form.Item>
            <Form.Item name="attitude" label="服务态度（选填）">
              <RatingInput label="服务态度" />
            </Form.Item>
            <Form.Item name="timeliness" label="服务及时性（选填）">
              <RatingInput label="服务及时性" />
            </Form.Item>
            <Form.Item name="effect" label="服务效果（选填）">
              <RatingInput label="服务效果" />
            </Form.Item>
            <Form.Item name="comment" label="意见和建议（选填）">
              <Input.TextArea rows={2} maxLength={500} showCount />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label="回访备注（选填）">
          <Input.TextArea rows={2} maxLength={500} placeholder="如：电话停机、本人不在" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
