import { useRef, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportMapping, ImportResult } from '@shegong/shared';
import { ApiError, download } from '../lib/api';
import { downloadProblems, postImport, type ImportUpload } from './excel-import.api';
import { ImportIssues } from './import-issues';
import { ImportMappingView } from './import-mapping';

/** A check's answer and exactly what was checked: the commit and the problems list send the same file and mapping. */
type Checked<R extends ImportResult> = ImportUpload & { result: R };
type Busy = 'check' | 'commit' | 'problems' | null;

const sameMapping = (a: ImportMapping, b: ImportMapping) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);

const failure = (e: unknown, fallback: string) => (e instanceof ApiError ? e.message : fallback);

/**
 * Excel/CSV import in two steps: check every row (nothing is written), then confirm to write all rows at once. After a
 * check the page shows how each header of the file was understood (and lets the user map one by hand), the required
 * columns missing, and every problem by row, column, value and name, with the list downloadable as the sheet itself.
 */
export function ExcelImport<R extends ImportResult = ImportResult>({
  title,
  templateUrl,
  templateName,
  importUrl,
  problemsUrl,
  onDone,
  renderResult,
}: {
  title: string;
  templateUrl: string;
  templateName: string;
  importUrl: (dryRun: boolean) => string;
  problemsUrl: string;
  onDone: () => void;
  /** What the import's own answer adds after a check (e.g. each row new, matched or unchanged). */
  renderResult?: (result: R) => ReactNode;
}) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [checked, setChecked] = useState<Checked<R> | null>(null);
  // The manual mapping being edited; kept for the next file (a corrected sheet usually has the same headers).
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [busy, setBusy] = useState<Busy>(null);

  async function check(upload: ImportUpload) {
    setBusy('check');
    setError(null);
    setImported(null);
    try {
      const result = await postImport<R>(importUrl(true), upload);
      // Only headers of this file keep a manual mapping.
      const headers = new Set(result.columns.map((c) => c.header));
      const kept = Object.fromEntries(Object.entries(upload.mapping).filter(([h]) => headers.has(h)));
      setMapping(kept);
      setChecked({ file: upload.file, mapping: kept, result });
    } catch (e) {
      setChecked(null);
      setError(failure(e, '检查失败，请重试'));
    } finally {
      setBusy(null);
    }
  }

  async function commit(c: Checked<R>) {
    setBusy('commit');
    try {
      const result = await postImport<R>(importUrl(false), c);
      if (result.committed) {
        setChecked(null);
        setImported(result.rows);
        onDone();
      } else setChecked({ ...c, result }); // something changed since the check: its problems are shown
    } catch (e) {
      setError(failure(e, '导入失败，请重试'));
    } finally {
      setBusy(null);
    }
  }

  async function problems(c: Checked<R>) {
    setBusy('problems');
    try {
      await downloadProblems(problemsUrl, c);
    } catch (e) {
      message.error(failure(e, '问题清单下载失败，请重试'));
    } finally {
      setBusy(null);
    }
  }

  const result = checked?.result;
  const changed = checked !== null && !sameMapping(mapping, checked.mapping);
  const clean = result && result.missing.length === 0 && result.issues.length === 0;
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        按模板填写，或用本单位已有的表格（列名与模板不同时，检查后可手工对应）。支持 .xlsx 和 .csv 文件。
        先检查全部行，检查不写入任何数据；全部无误后再确认导入。
      </Typography.Paragraph>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => download(templateUrl, templateName).catch((e) => message.error(failure(e, '模板下载失败')))}
        >
          下载模板
        </Button>
        <Button icon={<UploadOutlined />} loading={busy === 'check'} onClick={() => input.current?.click()}>
          选择文件并检查
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,.csv"
          aria-label="要导入的 Excel 或 CSV 文件"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file can be chosen again after it is fixed
            if (file) void check({ file, mapping });
          }}
        />
        {checked && clean && !changed && (
          <Button type="primary" loading={busy === 'commit'} onClick={() => commit(checked)}>
            确认导入 {checked.result.rows} 行
          </Button>
        )}
      </Space>
      {checked && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          已检查的文件：{checked.file.name}（{checked.result.rows} 行）
        </Typography.Paragraph>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          style={{ marginTop: 12 }}
          title="未能导入"
          description={error}
          onClose={() => setError(null)}
        />
      )}
      {imported !== null && (
        <Alert type="success" showIcon style={{ marginTop: 12 }} title={`已导入 ${imported} 行，列表已更新`} />
      )}
      {checked && result && result.columns.length > 0 && (
        <ImportMappingView
          result={result}
          mapping={mapping}
          changed={changed}
          busy={busy === 'check'}
          onChange={(header, column) => setMapping((m) => ({ ...m, [header]: column }))}
          onRecheck={() => check({ file: checked.file, mapping })}
        />
      )}
      {checked && result && result.issues.length > 0 && (result.missing.length === 0 || !result.columns.length) && (
        <ImportIssues issues={result.issues} downloading={busy === 'problems'} onDownload={() => problems(checked)} />
      )}
      {clean && !changed && (
        <Typography.Paragraph type="success" style={{ marginTop: 12 }}>
          检查通过：{result.rows} 行，可以导入。
        </Typography.Paragraph>
      )}
      {result && !changed && result.missing.length === 0 && renderResult?.(result)}
    </Card>
  );
}
