import { Alert, Button, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { withClauses, type ImportIssue } from '@shegong/shared';

/** The column as the office knows it: the file's own header, and the template column when that differs. */
function columnLabel(i: ImportIssue): string {
  if (!i.header || i.header === i.column) return i.column;
  return `${i.header}（${i.column}）`;
}

/**
 * The problems of a failed check: a summary that stays on screen, the list by row (paged here, it can be long), and
 * the download of the uploaded sheet with a 问题 column, so the office fixes it in Excel and uploads again.
 */
export function ImportIssues({
  issues,
  downloading,
  onDownload,
}: {
  issues: ImportIssue[];
  downloading: boolean;
  onDownload: () => void;
}) {
  return (
    <section aria-label="检查发现的问题" style={{ marginTop: 16 }}>
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        title={`检查发现 ${issues.length} 个问题，未导入任何数据`}
        description="请按下表修改后重新上传；也可下载问题清单（原表加“问题”列），在 Excel 中逐行修改后上传。"
        action={
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={onDownload}>
            下载问题清单（Excel）
          </Button>
        }
      />
      <Table<ImportIssue>
        rowKey={(i, n) => `${i.row}-${i.column}-${n}`}
        size="small"
        scroll={{ x: 760 }}
        dataSource={issues}
        pagination={{
          defaultPageSize: 20,
          hideOnSinglePage: true,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (t) => `共 ${t} 个问题`,
        }}
        columns={[
          { title: '行', dataIndex: 'row', width: 56 },
          { title: '姓名', dataIndex: 'name', width: 88, render: (v?: string) => v || '—' },
          { title: '列', key: 'column', width: 140, render: (_: unknown, i) => columnLabel(i) },
          {
            title: '读到的值',
            dataIndex: 'value',
            width: 170,
            render: (v?: string) =>
              v === undefined ? (
                '—'
              ) : v === '' ? (
                <Typography.Text type="secondary">（空）</Typography.Text>
              ) : (
                <Typography.Text code>{v}</Typography.Text>
              ),
          },
          {
            title: '问题和处理办法',
            key: 'message',
            render: (_: unknown, i) => (
              <>
                <Tag>{withClauses(i.rule)}</Tag>
                {withClauses(i.message)}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
