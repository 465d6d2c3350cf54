import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Empty, List, Spin, Steps, Timeline, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import {
  CASE_EVENT_LABELS,
  CASE_SOURCE_LABELS,
  CASE_STEPS,
  SERVICE_FORM_LABELS,
  stepOf,
  type CaseView,
} from '@shegong/shared';
import { AttachmentsList } from '../../components/attachments-list';
import { PageHeader } from '../../components/page-header';
import { useServiceRecords } from '../services/services.api';
import { CaseActions } from './case-actions';
import { CaseClosure } from './case-closure';
import { CasePlan } from './case-plan';
import { CaseStatusTag } from './case-tags';
import { CASES_URL, caseKeys, useCase } from './cases.api';
import { useQueryClient } from '@tanstack/react-query';
import { fmtDateTime } from '../../lib/format';

/** A case's page (R-SVC-3): the stage stepper, the steps the caller may take, the plan, interventions, closure, timeline. */
export function CaseDetailPage() {
  const { caseId = '' } = useParams();
  const { data: c, isLoading, error } = useCase(caseId);
  if (isLoading) return <Spin />;
  if (!c) return <Empty description={error?.message ?? '个案不存在或无权访问'} />;
  const waiting = c.status === 'plan_submitted' || c.status === 'closure_submitted';
  const lastReturn = [...c.timeline].reverse().find((e) => e.kind.startsWith('return-'));
  const returned = lastReturn && (c.status === 'assessment' || c.status === 'intervention') && lastReturn.note;

  return (
    <>
      <PageHeader
        title={`个案：${c.personName}`}
        tags={<CaseStatusTag status={c.status} />}
        crumbs={[{ title: '个案', to: '/cases' }, { title: c.personName }]}
        extra={<CaseActions c={c} />}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          responsive={false}
          current={stepOf(c.status)}
          status={c.status === 'closed' ? 'finish' : waiting ? 'wait' : 'process'}
          items={CASE_STEPS.map((title) => ({ title }))}
          style={{ overflowX: 'auto' }}
        />
        {waiting && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            message={c.status === 'plan_submitted' ? '服务计划等待项目主管审核' : '结案申请等待项目主管审核'}
          />
        )}
        {returned && <Alert style={{ marginTop: 12 }} type="warning" showIcon message={`已退回：${returned}`} />}
      </Card>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, md: 3 }} size="small">
          <Descriptions.Item label="服务对象">
            <Link to={`/beneficiaries/${c.beneficiaryId}`}>{c.personName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="个案社工">{c.workerName ?? '未指定'}</Descriptions.Item>
          <Descriptions.Item label="社工站">{c.stationName}</Descriptions.Item>
          <Descriptions.Item label="来源">{CASE_SOURCE_LABELS[c.source]}</Descriptions.Item>
          <Descriptions.Item label="开案日期">{c.openedOn}</Descriptions.Item>
          {c.closedOn && <Descriptions.Item label="结案日期">{c.closedOn}</Descriptions.Item>}
          {c.closure.followUpOn && <Descriptions.Item label="回访日期">{c.closure.followUpOn}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {c.notesVisible ? (
        <>
          <CasePlan c={c} />
          <Interventions c={c} />
          <CaseClosure c={c} />
          <Documents c={c} />
        </>
      ) : (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          message="个案的求助问题、预估、计划和结案内容仅个案社工、项目主管和县级主管可见"
        />
      )}
      <Card title="时间线" size="small" style={{ marginBottom: 16 }}>
        <Timeline
          items={c.timeline.map((e) => ({
            key: e.id,
            children: (
              <>
                <Typography.Text strong>{CASE_EVENT_LABELS[e.kind] ?? e.kind}</Typography.Text>
                <Typography.Text type="secondary">
                  {' '}
                  {fmtDateTime(e.at)} {e.byName ?? ''}
                </Typography.Text>
                {e.note && <div>{e.note}</div>}
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}

/** 介入: the service records of the case (helper A's list), and "记录服务" with the case filled in. */
function Interventions({ c }: { c: CaseView }) {
  const records = useServiceRecords({ caseId: c.id, page: 1, pageSize: 50 });
  const started = c.status !== 'intake';
  if (!started) return null;
  return (
    <Card
      title="介入（服务记录）"
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        c.abilities.addRecord && (
          <Link
            to={`/services/new?caseId=${c.id}&stationId=${c.stationId}&beneficiaryId=${c.beneficiaryId}&form=case_work`}
          >
            <Button size="small" icon={<FormOutlined />}>
              记录服务
            </Button>
          </Link>
        )
      }
    >
      <List
        size="small"
        loading={records.isLoading}
        dataSource={records.data?.items}
        locale={{ emptyText: <Typography.Text type="secondary">尚无服务记录</Typography.Text> }}
        renderItem={(r) => (
          <List.Item>
            <Link to={`/services/${r.id}`}>
              {r.servedOn} {SERVICE_FORM_LABELS[r.form]} · {r.itemName}
            </Link>
            <Typography.Text type="secondary"> {r.summary}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}

function Documents({ c }: { c: CaseView }) {
  const qc = useQueryClient();
  return (
    <Card title="个案文书" size="small" style={{ marginBottom: 16 }}>
      <AttachmentsList
        files={c.documents}
        hrefOf={(f) => `${CASES_URL}/${c.id}/files/${f.fileId}`}
        uploadUrl={c.abilities.edit || c.abilities.approvePlan ? `${CASES_URL}/${c.id}/files` : undefined}
        labels={['预估表', '服务协议', '评估表', '其他']}
        onUploaded={() => void qc.invalidateQueries({ queryKey: caseKeys.one(c.id) })}
      />
    </Card>
  );
}
