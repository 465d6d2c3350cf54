import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useAuth } from '../app/auth';
import { download, qs } from '../lib/api';

/**
 * 导出 Excel of what the list's filters select (UX.md, List), shown only to the roles that may export. `query` holds
 * the list's filters, never its page: the file holds every row they select.
 */
export function ExportButton({
  url,
  query = {},
  fileName,
}: {
  url: string;
  query?: Record<string, unknown>;
  fileName: string;
}) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!can('export')) return null;
  async function run() {
    setBusy(true);
    try {
      await download(`${url}${qs(query)}`, fileName);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run}>
      导出 Excel
    </Button>
  );
}
