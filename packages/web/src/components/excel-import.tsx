import { useState } from 'react';
import { Alert, App, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { withClauses, type ImportResult } from '@shegong/shared';
import { api, ApiError, download } from '../lib/api';

/**
 * Excel import in two steps: upload to check every row (nothing is written), then confirm to write all rows at once.
 * Problems are listed by row, column and rule, as the server reports them.
 */
export function ExcelImport({
  title,
  templateUrl,
  templateName,
  importUrl,
  onDone,
}: {
  title: string;
  templateUrl: string;
  templateName: string;
  importUrl: (dryRun: boolean) => string;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [file, setFile] = useState<File | null>(null);

  async function run(f: File, dryRun: boolean) {
    const fd = new FormData();
    fd.append('file', f);
    try {
      const r = await api.post<ImportResult>(importUrl(dryRun), fd);
      setResult(r);
      if (r.committed) {
        message.success(`已导入 ${r.rows} 行`);
        setFile(null);
        onDone();
      }
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '导入失败');
    }
  }

  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }}>
      <Space wrap>
        <Button icon={<DownloadOutlined />} onClick={() => download(templateUrl, templateName)}>
          下载模板
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(f) => {
            setFile(f);
            void run(f, true);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>选择文件并检查</Button>
        </Upload>
        {file && result?.dryRun && result.issues.length === 0 && (
          <Button type="primary" onClick={() => run(file, false)}>
            确认导入 {result.rows} 行
          </Button>
        )}
      </Space>
      {result && result.issues.length > 0 && (
        <>
          <Alert
            type="error"
            showIcon
            style={{ margin: '12px 0' }}
            title={`检查发现 ${result.issues.length} 个问题，未导入任何数据；请修改后重新上传`}
          />
          <Table
            rowKey={(i) => `${i.row}-${i.column}`}
            size="small"
            pagination={false}
            dataSource={result.issues}
            columns={[
              { title: '行', dataIndex: 'row' },
              { title: '列', dataIndex: 'column' },
              { title: '规则', dataIndex: 'rule', render: (v: string) => withClauses(v) },
              { title: '说明', dataIndex: 'message', render: (v: string) => withClauses(v) },
            ]}
          />
        </>
      )}
      {result?.dryRun && result.issues.length === 0 && (
        <Typography.Paragraph type="success" style={{ marginTop: 12 }}>
          检查通过：{result.rows} 行，可以导入。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
