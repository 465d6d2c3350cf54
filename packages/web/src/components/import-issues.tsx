import { Alert, Button, Grid, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { withClauses, type ImportIssue } from '@shegong/shared';

/** The column as the office knows it: the file's own header, and the template column when that differs. */
function columnLabel(i: ImportIssue): string {
  if (!i.header || i.header === i.column) return i.column;
  return `${i.header}（${i.column}）`;
}

/** The cell as read; an empty cell is said so, a long text wraps. */
function Value({ v }: { v?: string }) {
  if (v === undefined) return '—';
  if (v === '') return <Typography.Text type="secondary">（空）</Typography.Text>;
  const style = { whiteSpace: v.length <= 24 ? 'nowrap' : 'normal', wordBreak: 'break-all' } as const;
  return (
    <Typography.Text code style={style}>
      {v}
    </Typography.Text>
  );
}

const What = ({ i }: { i: ImportIssue }) => (
  <>
    <Tag>{withClauses(i.rule)}</Tag>
    {withClauses(i.message)}
  </>
);

/** On a phone each problem is one stacked cell (row, name, column, value, what to do) instead of five columns. */
const stacked = {
  title: '问题',
  key: 'stacked',
  render: (_: unknown, i: ImportIssue) => (
    <div style={{ display: 'grid', gap: 4 }}>
      <Typography.Text strong>
        第 {i.row} 行{i.name ? ` · ${i.name}` : ''} · {columnLabel(i)}
      </Typography.Text>
      <span>
        读到的值：
        <Value v={i.value} />
      </span>
      <span>
        <What i={i} />
      </span>
    </div>
  ),
};

const wide = [
  { title: '行', dataIndex: 'row', width: 56 },
  { title: '姓名', dataIndex: 'name', width: 88, render: (v?: string) => v || '—' },
  { title: '列', key: 'column', width: 180, render: (_: unknown, i: ImportIssue) => columnLabel(i) },
  { title: '读到的值', dataIndex: 'value', width: 210, render: (v?: string) => <Value v={v} /> },
  { title: '问题和处理办法', key: 'message', render: (_: unknown, i: ImportIssue) => <What i={i} /> },
];

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
  const narrow = Grid.useBreakpoint().sm === false;
  return (
    <section aria-label="检查发现的问题" style={{ marginTop: 16 }}>
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        title={`检查发现 ${issues.length} 个问题，未导入任何数据`}
        description="请按下表修改后重新上传；也可下载问题清单（原表加“问题”列），在 Excel 中逐行修改后上传。"
      />
      <Button icon={<DownloadOutlined />} loading={downloading} onClick={onDownload} style={{ marginBottom: 12 }}>
        下载问题清单（Excel）
      </Button>
      <Table<ImportIssue>
        rowKey={(i, n) => `${i.row}-${i.column}-${n}`}
        size="small"
        scroll={narrow ? undefined : { x: 860 }}
        dataSource={issues}
        pagination={{
          defaultPageSize: 10,
          hideOnSinglePage: true,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (t) => `共 ${t} 个问题`,
        }}
        columns={narrow ? [stacked] : wide}
      />
    </section>
  );
}
