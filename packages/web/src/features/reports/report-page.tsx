import { useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Form, Space, Spin, Tabs, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { REPORT_KIND_LABELS } from '@shegong/shared';
import { useQueryClient } from '@tanstack/react-query';
import { AttachmentsList } from '../../components/attachments-list';
import { PageHeader } from '../../components/page-header';
import { ReportActions } from './report-actions';
import { GatheredReports, Revisions } from './report-extras';
import { ReportFiguresView } from './report-figures';
import { NarrativeEditor, useNarrativeSave } from './report-narrative';
import { lateText, ReportStatusTags } from './report-words';
import { REPORTS_URL, reportKeys, useReport } from './reports.api';

/**
 * A report (R-REP-1…3): its figures computed from the records (frozen once accepted), the narrative people write, the
 * reports it gathers, its files and earlier versions, and the workflow steps the server allows.
 */
export function ReportPage() {
  const { reportId = '' } = useParams();
  const { data: r, error, isLoading } = useReport(reportId);
  const [form] = Form.useForm();
  const save = useNarrativeSave(r, form);
  const qc = useQueryClient();
  if (isLoading) return <Spin style={{ margin: 48 }} />;
  if (error || !r)
    return <Alert type="error" showIcon title={(error as Error | null)?.message ?? '报告不存在或无权查看'} />;

  const receiver = r.receiver;
  const tabs = [
    { key: 'figures', label: '数字', children: <ReportFiguresView r={r} /> },
    {
      key: 'narrative',
      label: '文字部分',
      children: <NarrativeEditor r={r} form={form} onSave={() => void save.run(false)} saving={save.pending} />,
    },
    ...(r.gathered.length
      ? [
          {
            key: 'gathered',
            label: `汇总的报告（${r.gathered.length}）`,
            children: <GatheredReports items={r.gathered} />,
          },
        ]
      : []),
    {
      key: 'files',
      label: `附件（${r.attachments.length}）`,
      children: (
        <AttachmentsList
          files={r.attachments}
          hrefOf={(f) => `${REPORTS_URL}/${r.id}/files/${f.fileId}`}
          uploadUrl={r.abilities.edit ? `${REPORTS_URL}/${r.id}/files` : undefined}
          labels={['佐证材料', '照片', '其他']}
          onUploaded={() => void qc.invalidateQueries({ queryKey: reportKeys.one(r.id) })}
        />
      ),
    },
    ...(r.revisions.length
      ? [{ key: 'revisions', label: `更正前版本（${r.revisions.length}）`, children: <Revisions r={r} /> }]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={r.title}
        tags={<ReportStatusTags {...r} />}
        crumbs={[
          { title: '工作台', to: '/' },
          { title: '报告', to: '/reports' },
          { title: REPORT_KIND_LABELS[r.kind] },
        ]}
        extra={<ReportActions r={r} beforeSubmit={() => save.run(true)} />}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'subject', label: '报告单位', children: r.subjectName },
            { key: 'period', label: '报告期', children: r.periodLabel },
            {
              key: 'due',
              label: '截止日期',
              children: (
                <Space size={4} wrap>
                  {r.dueOn}
                  {r.late ? (
                    <Typography.Text type="danger">{lateText(r)}</Typography.Text>
                  ) : r.firstSubmittedOn ? (
                    '按时提交'
                  ) : null}
                </Space>
              ),
            },
            { key: 'receiver', label: '报送', children: receiver },
            {
              key: 'clause',
              label: '依据',
              children: r.clause.startsWith('《') ? r.clause : `《实施方案》${r.clause}`,
            },
            { key: 'submitted', label: '首次提交', children: r.firstSubmittedOn ?? '未提交' },
            ...(r.acceptedOn ? [{ key: 'accepted', label: '接收日期', children: r.acceptedOn }] : []),
          ]}
        />
        {r.abilities.export && (
          <Space wrap style={{ marginTop: 8 }}>
            <Button icon={<FileWordOutlined />} href={`${REPORTS_URL}/${r.id}/document.docx`}>
              导出 Word
            </Button>
            <Button icon={<FileExcelOutlined />} href={`${REPORTS_URL}/${r.id}/figures.xlsx`}>
              导出 Excel
            </Button>
          </Space>
        )}
      </Card>
      {r.status === 'returned' && r.returnComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="报告被退回，请按意见修改后重新提交"
          description={<span style={{ whiteSpace: 'pre-wrap' }}>退回意见：{r.returnComment}</span>}
        />
      )}
      {r.frozen && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            r.status === 'accepted'
              ? `已接收，报告已锁定：数据截至接收时${r.acceptedOn ? `（${r.acceptedOn}）` : ''}`
              : `已报送${receiver}，报告已锁定：数据截至提交时${r.firstSubmittedOn ? `（${r.firstSubmittedOn}）` : ''}`
          }
          description="之后补录或更正的记录不会改变本报告的数字；如需更正，重新打开并写明原因，原版本保留。"
        />
      )}
      <Card size="small">
        <Tabs items={tabs} />
      </Card>
    </>
  );
}
