import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import {
  PRE_AWARD_ASPECT_LABELS,
  PRE_AWARD_ASPECTS,
  type PreAwardEvaluationView,
  type ProcurementView,
} from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { AttachmentsList } from '../../components/attachments-list';
import { PreAwardForm } from './pre-award-form';
import { preAwardFilesUrl, preAwardKeys, usePreAwardEvaluations } from './pre-award.api';

const CLAUSE = '《实施方案》六（六）';
const ResultTag = ({ passed }: { passed: boolean }) =>
  passed ? <Tag color="green">合格</Tag> : <Tag color="red">不合格</Tag>;

/** The warning text when `organisationId` (awarded, or about to be) has no passed pre-award evaluation, else null. */
export function preAwardWarning(
  items: PreAwardEvaluationView[],
  organisationId: string,
  name: string,
  awardedOn: string | null,
) {
  const awarded = awardedOn !== null;
  const passed = items.filter((e) => e.organisationId === organisationId && e.passed);
  // Recorded late (allowed, so the record is kept), but then it was not a *pre*-award evaluation: say so.
  if (awarded && passed.length > 0 && passed.every((e) => e.evaluatedOn > awardedOn))
    return `承接主体（${name}）的立项评估日期晚于中标（成交）通知书日期（${awardedOn}），未在确定承接主体前完成。`;
  if (passed.length > 0) return null;
  const has = items.some((e) => e.organisationId === organisationId);
  return `${awarded ? '已确定的' : '拟确定的'}承接主体（${name}）${has ? '的立项评估未通过' : '尚无第三方立项评估'}。${CLAUSE}要求对承接主体的专业资质、内部管理、人才资源等方面进行第三方立项评估，请核实。`;
}

/**
 * 立项评估（第三方）on the procurement page (R-EVAL-1): the candidates' evaluations, the county's form to add one, and a
 * warning — not a refusal — when the awarded organisation has none passed.
 */
export function PreAwardCard({ p }: { p: ProcurementView }) {
  const { can, user } = useAuth();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const readable = can('evaluations:read');
  const { data } = usePreAwardEvaluations({ procurementId: p.id }, readable);
  if (!readable) return null;
  const items = data?.items ?? [];
  const county = user?.role === 'county_admin' || user?.role === 'county_officer';
  const records = county && can('evaluations:score');
  const warning = p.award
    ? preAwardWarning(items, p.award.organisationId, p.award.organisationName, p.award.awardedOn)
    : null;

  return (
    <Card
      title="立项评估（第三方）"
      style={{ marginBottom: 16 }}
      extra={
        records &&
        !adding && (
          <Button type="primary" onClick={() => setAdding(true)}>
            登记立项评估
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {CLAUSE}：由第三方对承接主体的专业资质、内部管理、人才资源进行立项评估，三个方面均合格为通过。
      </Typography.Paragraph>
      {data && warning && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={warning} />}
      {adding && (
        <Card type="inner" title="登记立项评估" style={{ marginBottom: 16 }}>
          <PreAwardForm p={p} onDone={() => setAdding(false)} />
        </Card>
      )}
      <Table<PreAwardEvaluationView>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={!data}
        dataSource={items}
        locale={{ emptyText: '暂无立项评估' }}
        columns={[
          { title: '机构', dataIndex: 'organisationName' },
          { title: '第三方评估机构', dataIndex: 'agency' },
          { title: '评估日期', dataIndex: 'evaluatedOn' },
          ...PRE_AWARD_ASPECTS.map((k) => ({
            title: PRE_AWARD_ASPECT_LABELS[k],
            key: k,
            render: (_: unknown, e: PreAwardEvaluationView) => (
              <Space orientation="vertical" size={0}>
                <ResultTag passed={e[k].passed} />
                {e[k].note && <Typography.Text type="secondary">{e[k].note}</Typography.Text>}
              </Space>
            ),
          })),
          {
            title: '评估报告',
            key: 'files',
            render: (_, e) =>
              e.attachments.length === 0 ? (
                <Typography.Text type="secondary">未上传</Typography.Text>
              ) : (
                <Space orientation="vertical" size={0}>
                  {e.attachments.map((f) => (
                    <a key={f.id} href={`${preAwardFilesUrl(e.id)}/${f.fileId}`}>
                      {f.name}
                    </a>
                  ))}
                </Space>
              ),
          },
          {
            title: '结论',
            key: 'passed',
            render: (_, e) => (e.passed ? <Tag color="green">通过</Tag> : <Tag color="red">未通过</Tag>),
          },
        ]}
        expandable={{
          rowExpandable: () => true,
          expandedRowRender: (e) => (
            <>
              {e.summary && <Typography.Paragraph>评估结论摘要：{e.summary}</Typography.Paragraph>}
              <AttachmentsList
                files={e.attachments}
                hrefOf={(f) => `${preAwardFilesUrl(e.id)}/${f.fileId}`}
                uploadUrl={e.abilities.upload ? preAwardFilesUrl(e.id) : undefined}
                labels={['评估报告']}
                onUploaded={() => void qc.invalidateQueries({ queryKey: preAwardKeys.all })}
              />
            </>
          ),
        }}
      />
    </Card>
  );
}

/**
 * Under the award form: warns while the organisation about to be awarded has no passed pre-award evaluation
 * (R-EVAL-1). A warning only: the plan asks for the evaluation, it does not make it a condition of the award.
 */
export function PreAwardAwardWarning({ p, organisationId }: { p: ProcurementView; organisationId?: string }) {
  const { can } = useAuth();
  const { data } = usePreAwardEvaluations({ procurementId: p.id }, can('evaluations:read') && !!organisationId);
  if (!data || !organisationId) return null;
  const name = data.items.find((e) => e.organisationId === organisationId)?.organisationName ?? '所选机构';
  const warning = preAwardWarning(data.items, organisationId, name, null);
  return warning ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={warning} /> : null;
}
