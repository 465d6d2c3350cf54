import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import type { ImportColumn, ImportMapping, ImportResult } from '@shegong/shared';

const HOW: Record<ImportColumn['how'], { label: string; color: string }> = {
  exact: { label: '模板列', color: 'success' },
  synonym: { label: '同义列名', color: 'processing' },
  manual: { label: '手工对应', color: 'purple' },
  ignored: { label: '未识别（已忽略）', color: 'warning' },
};

/** The column the user sees chosen for a header: their own pick first, else what the importer understood. */
export const mappedColumn = (c: ImportColumn, mapping: ImportMapping) => mapping[c.header] ?? c.column ?? '';

/** How the header was recognised, or that the user changed it and it waits for the next check. */
function HowTag({ c, mapping }: { c: ImportColumn; mapping: ImportMapping }) {
  if (c.header in mapping && mapping[c.header] !== (c.column ?? '')) return <Tag>已修改，待重新检查</Tag>;
  return <Tag color={HOW[c.how].color}>{HOW[c.how].label}</Tag>;
}

/**
 * How the importer read the file's headers (each header → template column, and how it was recognised), the required
 * columns still missing, and a picker per header so the user can map a column by hand and check again.
 */
export function ImportMappingView({
  result,
  mapping,
  changed,
  busy,
  onChange,
  onRecheck,
}: {
  result: ImportResult;
  /** The manual mapping as the user has it now (sent with the next check). */
  mapping: ImportMapping;
  /** True when `mapping` differs from the one the shown answer was checked with. */
  changed: boolean;
  busy: boolean;
  onChange: (header: string, column: string) => void;
  onRecheck: () => void;
}) {
  const options = [
    ...result.expected.map((e) => ({
      value: e.column,
      label: e.required ? `${e.column}（必填）` : e.column,
    })),
    { value: '', label: '忽略此列' },
  ];
  return (
    <section aria-label="列的对应" style={{ marginTop: 12 }}>
      {result.missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`缺少必填列：${result.missing.join('、')}，未检查任何一行`}
          description="请在下表“对应模板列”中为它们选择文件里的列，再点“按此对应重新检查”；或下载模板，按模板的列名填写。"
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        列的对应（文件中的列 → 模板列）
      </Typography.Title>
      <Table
        rowKey={(c) => c.header}
        size="small"
        pagination={false}
        style={{ maxWidth: 760 }}
        dataSource={result.columns}
        columns={[
          {
            title: '文件中的列',
            key: 'header',
            render: (_: unknown, c: ImportColumn) => (
              <Space size={[8, 4]} wrap>
                <span>{c.header}</span>
                <HowTag c={c} mapping={mapping} />
              </Space>
            ),
          },
          {
            title: '对应模板列',
            key: 'column',
            render: (_: unknown, c: ImportColumn) => (
              <Select
                aria-label={`“${c.header}”对应的模板列`}
                style={{ minWidth: 150 }}
                popupMatchSelectWidth={false}
                showSearch={{ optionFilterProp: 'label' }}
                value={mappedColumn(c, mapping)}
                options={options}
                onChange={(v: string) => onChange(c.header, v)}
              />
            ),
          },
        ]}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Button type={changed ? 'primary' : 'default'} disabled={!changed} loading={busy} onClick={onRecheck}>
          按此对应重新检查
        </Button>
        <Typography.Text type="secondary">
          {changed ? '对应已修改：重新检查后才能导入。' : '列名与模板不同时，可在上表为它选择模板列。'}
        </Typography.Text>
      </Space>
    </section>
  );
}
