import { useState } from 'react';
import { App, Button, List, Select, Space, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { AttachmentView } from '@shegong/shared';
import { ApiError } from '../lib/api';
import { useUploadAttachment } from './attachments.api';

const size = (n: number) => (n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** A record's attached files with download links, and an upload button where the user may add files. */
export function AttachmentsList({
  files,
  hrefOf,
  uploadUrl,
  labels,
  onUploaded,
}: {
  files: AttachmentView[];
  hrefOf: (f: AttachmentView) => string;
  uploadUrl?: string;
  labels?: string[];
  onUploaded?: () => void;
}) {
  const { message } = App.useApp();
  const [label, setLabel] = useState(labels?.[0] ?? '');
  const uploadFile = useUploadAttachment();
  async function upload(file: File) {
    try {
      await uploadFile.mutateAsync({ url: uploadUrl!, label, file });
      message.success('附件已上传');
      onUploaded?.();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '上传失败');
    }
  }
  return (
    <>
      {uploadUrl && (
        <Space wrap style={{ marginBottom: 8 }}>
          {labels && (
            <Select
              aria-label="附件类别"
              value={label}
              onChange={setLabel}
              style={{ width: 180 }}
              options={labels.map((l) => ({ value: l, label: l }))}
            />
          )}
          <Upload
            accept=".pdf,.doc,.docx,.xls,.xlsx,image/jpeg,image/png,image/webp"
            showUploadList={false}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>上传附件</Button>
          </Upload>
          <Typography.Text type="secondary">PDF、Word、Excel 或图片，不超过 20 MB</Typography.Text>
        </Space>
      )}
      <List
        size="small"
        dataSource={files}
        // In the description grey: antd draws List's empty text in the disabled grey (1.8:1, below WCAG AA).
        locale={{ emptyText: <Typography.Text type="secondary">暂无附件</Typography.Text> }}
        renderItem={(f) => (
          <List.Item>
            <Space wrap>
              <PaperClipOutlined />
              <a href={hrefOf(f)}>{f.name}</a>
              {f.label && <Typography.Text type="secondary">{f.label}</Typography.Text>}
              <Typography.Text type="secondary">{size(f.sizeBytes)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}
