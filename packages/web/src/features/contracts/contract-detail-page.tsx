import { useState } from 'react';
import { Link, useParams } from 'react-router';
import dayjs from 'dayjs';
import { Button, Card, Descriptions, Empty, Form, Space, Spin, Table, Tag } from 'antd';
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
import { contractFilesUrl, contractFileUrl, useContract, useRefreshContracts } from './contracts.api';
import { ContractDialog, type Dialog } from './contract-dialog';

export function ContractDetailPage() {
  const { contractId = '' } = useParams();
  const { data, error } = useContract(contractId);
  if (error) return <Empty description={(error as Error).message} />;
  return data ? <ContractDetail c={data} /> : <Spin />;
}

function ContractDetail({ c }: { c: ContractView }) {
  const refresh = useRefreshContracts();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const nextYear = Math.max(0, ...c.agreements.map((a) => a.yearNo)) + 1;

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
                补录纸质评估结果
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
          hrefOf={(f) => contractFileUrl(c.id, f.fileId)}
          uploadUrl={c.abilities.publish ? contractFilesUrl(c.id) : undefined}
          labels={[
            '合同文本',
            ...c.agreements.map((a) => `第${a.yearNo}年协议`),
            ...c.evaluations.map((e) => `第${e.yearNo}年度评估报告`),
          ]}
          onUploaded={() => void refresh()}
        />
      </Card>
      <Card title="年度评估结果" extra={<Link to={`/evaluations?contractId=${c.id}`}>查看本合同的评估</Link>}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.evaluations}
          scroll={{ x: 'max-content' }}
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
            {
              // R-CON-2: a year with evaluation rounds is decided by them; a paper result only for years without.
              title: '依据',
              key: 'source',
              render: (_: unknown, e: EvaluationView) =>
                e.source === 'rounds' ? (
                  <Link to={`/evaluations?contractId=${c.id}`}>
                    由评估得出：{e.score} 分{e.grade ? `，${e.grade}` : ''}
                  </Link>
                ) : (
                  '纸质评估结果补录'
                ),
            },
            { title: '评估日期', dataIndex: 'evaluatedOn' },
            { title: '评估单位', dataIndex: 'evaluator' },
            { title: '说明', dataIndex: 'summary' },
          ]}
        />
      </Card>
      <ContractDialog c={c} dialog={dialog} form={form} onClose={() => setDialog(null)} />
    </>
  );
}
