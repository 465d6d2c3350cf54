import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tag,
} from 'antd';
import {
  CONTRACT_STATUS_LABELS,
  CONTRACT_TERMS,
  EVALUATION_RESULT_LABELS,
  formatFen,
  type AgreementView,
  type ContractTerm,
  type ContractView,
  type EvaluationView,
} from '@shegong/shared';
import { AttachmentsList } from '../../components/attachments-list';
import { FindingsAlert } from '../../components/findings-alert';
import { PageHeader } from '../../components/page-header';
import { api } from '../../lib/api';
import { showFormError } from '../../lib/zod-rule';

const day = (v: unknown) => (v ? (v as Dayjs).format('YYYY-MM-DD') : null);

export function ContractDetailPage() {
  const { contractId = '' } = useParams();
  const { data, error } = useQuery({
    queryKey: ['contracts', contractId],
    queryFn: () => api.get<ContractView>(`/api/v1/contracts/${contractId}`),
  });
  if (error) return <Empty description={(error as Error).message} />;
  return data ? <ContractDetail c={data} /> : <Spin />;
}

function ContractDetail({ c }: { c: ContractView }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<null | 'agreement' | 'evaluation' | { publish: string | null }>(null);
  const [form] = Form.useForm();
  const nextYear = Math.max(0, ...c.agreements.map((a) => a.yearNo)) + 1;

  async function submit(v: Record<string, unknown>) {
    try {
      if (dialog === 'agreement')
        await api.post(`/api/v1/contracts/${c.id}/agreements`, {
          yearNo: v.yearNo,
          amount: String(v.amount),
          signedOn: day(v.signedOn),
          publishedOn: day(v.publishedOn),
        });
      else if (dialog === 'evaluation')
        await api.post(`/api/v1/contracts/${c.id}/evaluations`, {
          yearNo: v.yearNo,
          result: v.result,
          evaluatedOn: day(v.evaluatedOn),
          evaluator: v.evaluator,
          summary: v.summary ?? '',
        });
      else if (dialog)
        await api.post(
          dialog.publish
            ? `/api/v1/contracts/${c.id}/agreements/${dialog.publish}/publish`
            : `/api/v1/contracts/${c.id}/publish`,
          { publishedOn: day(v.publishedOn) },
        );
      message.success('已保存');
      setDialog(null);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['contracts'] });
      await qc.invalidateQueries({ queryKey: ['stations'] });
    } catch (e) {
      showFormError(form, e, message.error);
    }
  }
  const open = (d: typeof dialog, values: Record<string, unknown>) => {
    form.resetFields();
    form.setFieldsValue(values);
    setDialog(d);
  };

  return (
    <>
      <PageHeader
        title={c.title}
        tags={
          <Tag color={c.status === 'active' ? 'success' : c.status === 'ending' ? 'error' : 'default'}>
            {CONTRACT_STATUS_LABELS[c.status]}
          </Tag>
        }
        crumbs={[{ title: '合同', to: '/contracts' }, { title: c.title }]}
        extra={
          <Space wrap>
            {c.abilities.publish && !c.publishedOn && (
              <Button onClick={() => open({ publish: null }, { publishedOn: dayjs() })}>登记合同公告</Button>
            )}
            {c.abilities.addEvaluation && (
              <Button
                onClick={() =>
                  open('evaluation', { yearNo: c.currentYearNo ?? 1, result: 'passed', evaluatedOn: dayjs() })
                }
              >
                记录年度评估
              </Button>
            )}
            {c.abilities.addAgreement && (
              <Button type="primary" onClick={() => open('agreement', { yearNo: nextYear, signedOn: dayjs() })}>
                续签第 {nextYear} 年协议
              </Button>
            )}
          </Space>
        }
      />
      <FindingsAlert findings={c.findings} />
      <Card title="合同信息" style={{ marginBottom: 16 }}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="购买主体">{c.purchaserName}</Descriptions.Item>
          <Descriptions.Item label="承接主体">
            <Link to={`/organisations/${c.contractorId}`}>{c.contractorName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="中标（成交）通知书日期">{c.awardedOn}</Descriptions.Item>
          <Descriptions.Item label="签订日期">{c.signedOn}</Descriptions.Item>
          <Descriptions.Item label="合同周期">
            {c.cycleStart} 至 {c.cycleEnd}
            {c.endsOn && `（于 ${c.endsOn} 终止）`}
          </Descriptions.Item>
          <Descriptions.Item label="公告日期">{c.publishedOn ?? <Tag color="warning">未公告</Tag>}</Descriptions.Item>
          <Descriptions.Item label="覆盖的社工站" span={2}>
            {c.stations.map((s) => (
              <Link key={s.id} to={`/stations/${s.id}`} style={{ marginRight: 8 }}>
                {s.name}
              </Link>
            ))}
          </Descriptions.Item>
          {(Object.keys(CONTRACT_TERMS) as ContractTerm[]).map((k) => (
            <Descriptions.Item key={k} label={CONTRACT_TERMS[k]} span={2}>
              {c.terms[k]}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card title="年度协议（一年一签）" style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.agreements}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: '年度',
              dataIndex: 'yearNo',
              render: (n: number) => `第 ${n} 年${n === c.currentYearNo ? '（当前）' : ''}`,
            },
            { title: '期间', key: 'p', render: (_: unknown, a: AgreementView) => `${a.periodStart} 至 ${a.periodEnd}` },
            { title: '金额', dataIndex: 'amountFen', render: formatFen },
            { title: '签订日期', dataIndex: 'signedOn' },
            {
              title: '公告',
              key: 'pub',
              render: (_: unknown, a: AgreementView) =>
                a.publishedOn ??
                (c.abilities.publish ? (
                  <Button size="small" onClick={() => open({ publish: a.id }, { publishedOn: dayjs() })}>
                    登记公告
                  </Button>
                ) : (
                  <Tag color="warning">未公告</Tag>
                )),
            },
          ]}
        />
      </Card>
      <Card title="附件（合同文本、年度协议、评估报告）" style={{ marginBottom: 16 }}>
        <AttachmentsList
          files={c.files}
          hrefOf={(f) => `/api/v1/contracts/${c.id}/files/${f.fileId}`}
          uploadUrl={c.abilities.publish ? `/api/v1/contracts/${c.id}/files` : undefined}
          labels={[
            '合同文本',
            ...c.agreements.map((a) => `第${a.yearNo}年协议`),
            ...c.evaluations.map((e) => `第${e.yearNo}年度评估报告`),
          ]}
          onUploaded={() => void qc.invalidateQueries({ queryKey: ['contracts'] })}
        />
      </Card>
      <Card title="年度评估结果">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.evaluations}
          locale={{ emptyText: '尚未记录年度评估；续签须上一年度评估合格（《实施方案》五（三））' }}
          columns={[
            { title: '年度', dataIndex: 'yearNo', render: (n: number) => `第 ${n} 年` },
            {
              title: '结果',
              dataIndex: 'result',
              render: (r: EvaluationView['result']) => (
                <Tag color={r === 'passed' ? 'success' : 'error'}>{EVALUATION_RESULT_LABELS[r]}</Tag>
              ),
            },
            { title: '评估日期', dataIndex: 'evaluatedOn' },
            { title: '评估单位', dataIndex: 'evaluator' },
            { title: '说明', dataIndex: 'summary' },
          ]}
        />
      </Card>
      <Modal
        title={dialog === 'agreement' ? '续签年度协议' : dialog === 'evaluation' ? '记录年度评估结果' : '登记公告日期'}
        open={!!dialog}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText="保存"
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          {(dialog === 'agreement' || dialog === 'evaluation') && (
            <Form.Item label="协议年度" name="yearNo" rules={[{ required: true, message: '请输入' }]}>
              <InputNumber min={1} max={4} style={{ width: '100%' }} />
            </Form.Item>
          )}
          {dialog === 'agreement' && (
            <>
              <Form.Item label="金额（元）" name="amount" rules={[{ required: true, message: '请输入' }]}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item label="签订日期" name="signedOn" rules={[{ required: true, message: '请选择' }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item label="公告日期" name="publishedOn">
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </>
          )}
          {dialog === 'evaluation' && (
            <>
              <Form.Item label="结果" name="result">
                <Select
                  options={[
                    { value: 'passed', label: '合格' },
                    { value: 'failed', label: '不合格（合同于当年协议期满终止）' },
                  ]}
                />
              </Form.Item>
              <Form.Item label="评估日期" name="evaluatedOn" rules={[{ required: true, message: '请选择' }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item label="评估单位" name="evaluator" rules={[{ required: true, message: '请填写' }]}>
                <Input />
              </Form.Item>
              <Form.Item label="说明" name="summary">
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
          {dialog && typeof dialog === 'object' && (
            <Form.Item label="公告日期" name="publishedOn" rules={[{ required: true, message: '请选择' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
