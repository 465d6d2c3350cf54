import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Modal, Space, Spin, Timeline } from 'antd';
import { ALERT_KIND_LABELS, type AlertView } from '@shegong/shared';
import { PageHeader } from '../../components/page-header';
import { fmtDateTime } from '../../lib/format';
import { showServerErrors } from '../beneficiaries/form-errors';
import { useAlert, useAlertStep } from './alerts.api';
import { AlertStatusTag, EscalatedTag, ackText } from './alert-tags';

type NoteStep = 'actions' | 'close';
const NOTE_TITLES: Record<NoteStep, { title: string; label: string; done: string }> = {
  actions: { title: '记录处置措施', label: '处置情况', done: '已记录处置措施' },
  close: { title: '关闭预警', label: '关闭说明', done: '预警已关闭' },
};

/** One alert (R-SVC-5): what was seen and what was done, for those who may read it; acknowledge, act, close. */
export function AlertDetailPage() {
  const { alertId = '' } = useParams();
  const { data, error } = useAlert(alertId);
  if (error) return <Empty description={(error as Error).message} />;
  if (!data) return <Spin />;
  return <AlertDetail a={data} />;
}

function AlertDetail({ a }: { a: AlertView }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [asking, setAsking] = useState<NoteStep | null>(null);
  const step = useAlertStep(a.id);
  const title = `${ALERT_KIND_LABELS[a.kind]}预警`;

  async function acknowledge() {
    try {
      await step.mutateAsync({ step: 'acknowledge' });
      message.success('已响应预警');
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  async function submitNote(v: { note: string }) {
    if (!asking) return;
    try {
      await step.mutateAsync({ step: asking, note: v.note });
      message.success(NOTE_TITLES[asking].done);
      setAsking(null);
      form.resetFields();
    } catch (e) {
      showServerErrors(form, e, message.error);
    }
  }

  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ title: '预警', to: '/alerts' }, { title }]}
        tags={
          <>
            <AlertStatusTag status={a.status} />
            <EscalatedTag escalated={a.escalated} />
          </>
        }
        extra={
          <Space wrap>
            {a.abilities.acknowledge && (
              <Button type="primary" loading={step.isPending} onClick={acknowledge}>
                响应
              </Button>
            )}
            {a.abilities.act && <Button onClick={() => setAsking('actions')}>记录处置</Button>}
            {a.abilities.close && (
              <Button danger onClick={() => setAsking('close')}>
                关闭预警
              </Button>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="服务对象">
            {a.beneficiaryId && a.beneficiaryName ? (
              <Link to={`/beneficiaries/${a.beneficiaryId}`}>{a.beneficiaryName}</Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="社工站">{a.stationName}</Descriptions.Item>
          <Descriptions.Item label="发出">
            {fmtDateTime(a.raisedAt)} {a.raisedByName ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label="响应">
            {a.acknowledgedAt
              ? `${fmtDateTime(a.acknowledgedAt)} ${a.acknowledgedByName ?? ''}（${ackText(a)}）`
              : ackText(a)}
          </Descriptions.Item>
          <Descriptions.Item label="关闭">
            {a.closedAt ? `${fmtDateTime(a.closedAt)} ${a.closedByName ?? ''}` : '—'}
          </Descriptions.Item>
          {a.serviceRecordId && (
            <Descriptions.Item label="来源">
              <Link to={`/services/${a.serviceRecordId}`}>服务记录</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {a.details ? (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title="预警情况属敏感信息，本次查看已记入审计日志" />
          <Card title="发现的情况" style={{ marginBottom: 16 }}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{a.details.description}</div>
          </Card>
          <Card title="处置记录" style={{ marginBottom: 16 }}>
            {a.details.actions.length === 0 && !a.details.closingNote ? (
              <Empty description="尚无处置记录" />
            ) : (
              <Timeline
                items={[
                  ...a.details.actions.map((x) => ({
                    key: x.id,
                    content: (
                      <>
                        <div style={{ whiteSpace: 'pre-wrap' }}>{x.note}</div>
                        <div style={{ fontSize: 12, opacity: 0.65 }}>
                          {fmtDateTime(x.at)} {x.byName ?? ''}
                        </div>
                      </>
                    ),
                  })),
                  ...(a.details.closingNote
                    ? [{ key: 'close', color: 'gray', content: `关闭说明：${a.details.closingNote}` }]
                    : []),
                ]}
              />
            )}
          </Card>
        </>
      ) : (
        <Alert
          type="warning"
          showIcon
          title="情况描述和处置记录仅发出人、责任社工、项目负责人和县（区）民政部门可见（超时未响应的，市级也可见）"
        />
      )}
      <Modal
        open={!!asking}
        title={asking ? NOTE_TITLES[asking].title : ''}
        okText="保存"
        confirmLoading={step.isPending}
        onOk={() => form.submit()}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submitNote}>
          <Form.Item
            name="note"
            label={asking ? NOTE_TITLES[asking].label : ''}
            rules={[{ required: true, whitespace: true, message: '请填写' }, { max: 1000 }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
