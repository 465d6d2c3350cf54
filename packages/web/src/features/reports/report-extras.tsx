import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Grid, List, Modal, Table, Typography } from 'antd';
import { REPORT_SECTION_LABELS, REPORT_SECTIONS, type ReportView } from '@shegong/shared';
import { fmtDateTime } from '../../lib/format';
import { ReportFiguresView } from './report-figures';
import { ReportStatusTags } from './report-words';
import type { GatheredReport, ReportRevision } from './reports.api';

/** The stations' reports a county's report gathers, or the counties' reports the city's gathers (R-REP-2). */
export function GatheredReports({ items }: { items: GatheredReport[] }) {
  const narrow = Grid.useBreakpoint().md === false;
  if (narrow)
    return (
      <List
        dataSource={items}
        renderItem={(g) => (
          <List.Item key={g.id}>
            <div>
              <Link to={`/reports/${g.id}`}>{g.title}</Link>
              <div>
                <ReportStatusTags {...g} />
              </div>
              <Typography.Text type="secondary">
                截止 {g.dueOn} · {g.firstSubmittedOn ? `提交 ${g.firstSubmittedOn}` : '未提交'}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
    );
  return (
    <Table<GatheredReport>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={items}
      columns={[
        { title: '报告', key: 'title', render: (_, g) => <Link to={`/reports/${g.id}`}>{g.title}</Link> },
        { title: '报告单位', key: 'subject', render: (_, g) => g.subjectName },
        { title: '截止日期', key: 'due', render: (_, g) => g.dueOn },
        { title: '状态', key: 'status', render: (_, g) => <ReportStatusTags {...g} /> },
        { title: '首次提交', key: 'submitted', render: (_, g) => g.firstSubmittedOn ?? '未提交' },
      ]}
    />
  );
}

/** The versions accepted before a correction reopened the report (R-REP-3: both versions stay), each viewable. */
export function Revisions({ r }: { r: ReportView }) {
  const [open, setOpen] = useState<ReportRevision | null>(null);
  return (
    <>
      <List
        dataSource={r.revisions}
        renderItem={(v) => (
          <List.Item
            key={v.revision}
            actions={[
              <Button key="view" type="link" onClick={() => setOpen(v)}>
                查看第 {v.revision} 版
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={`第 ${v.revision} 版${v.acceptedOn ? `，${v.acceptedOn} 接收` : ''}`}
              description={`${fmtDateTime(v.reopenedOn).slice(0, 16)} 重新打开更正：${v.reopenReason}`}
            />
          </List.Item>
        )}
      />
      <Modal
        open={!!open}
        title={open ? `更正前版本：第 ${open.revision} 版` : ''}
        footer={null}
        width={960}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        {open && (
          <>
            <ReportFiguresView r={{ ...r, figures: open.figures, frozen: true }} />
            {REPORT_SECTIONS.map((s) => (
              <section key={s}>
                <Typography.Title level={4} style={{ fontSize: 15 }}>
                  {REPORT_SECTION_LABELS[s]}
                </Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  {open.narrative[s] || '（未填写）'}
                </Typography.Paragraph>
              </section>
            ))}
          </>
        )}
      </Modal>
    </>
  );
}
