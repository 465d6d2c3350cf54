import { Alert, Button, Grid, Select, Space, Tag, Typography, theme } from 'antd';
import { useState, type CSSProperties } from 'react';
import type { ImportColumn, ImportMapping, ImportResult } from '@shegong/shared';

const HOW: Record<ImportColumn['how'], { label: string; color: string }> = {
  exact: { label: '模板列', color: 'success' },
  synonym: { label: '同义列名', color: 'processing' },
  manual: { label: '手工对应', color: 'purple' },
  ignored: { label: '未识别（已忽略）', color: 'warning' },
};

// Headers side by side where there is room (a 12-column roster in four rows at 1366 px), one per line on a phone.
const GRID: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 380px), 1fr))',
  gap: 8,
  listStyle: 'none',
  padding: 0,
  margin: 0,
};
const ITEM: CSSProperties = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 8,
  padding: '6px 10px',
  border: '1px solid',
  borderRadius: 6,
};
// On a phone the picker goes under the header, full width, for every header alike.
const STACKED: CSSProperties = { flexDirection: 'column', alignItems: 'stretch', gap: 4 };

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
  const { token } = theme.useToken();
  const narrow = Grid.useBreakpoint().sm === false;
  // A file with the template's own headers needs nothing here: one line says so and the pickers open on request.
  const allExact = !changed && result.missing.length === 0 && result.columns.every((c) => c.how === 'exact');
  const [open, setOpen] = useState(false);
  if (allExact && !open)
    return (
      <section aria-label="列的对应" style={{ marginTop: 12 }}>
        <Space wrap size={[8, 4]}>
          <Typography.Text>文件中的 {result.columns.length} 列均与模板列名一致。</Typography.Text>
          <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(true)}>
            查看或修改列的对应
          </Button>
        </Space>
      </section>
    );
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
          description="请在下面“列的对应”中把文件里的列对应到它们，再点“按此对应重新检查”；或下载模板，按模板的列名填写。"
        />
      )}
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        列的对应（文件中的列 → 模板列）
      </Typography.Paragraph>
      <ul aria-label="文件中的列" style={GRID}>
        {result.columns.map((c) => (
          <li
            key={c.header}
            aria-label={c.header}
            style={{ ...ITEM, ...(narrow && STACKED), borderColor: token.colorBorderSecondary }}
          >
            <Space size={[8, 4]} wrap style={{ minWidth: 0 }}>
              <Typography.Text strong>{c.header}</Typography.Text>
              <HowTag c={c} mapping={mapping} />
            </Space>
            <div style={{ display: 'flex', alignItems: 'center', gap: 6, flex: 'none' }}>
              <span aria-hidden>→</span>
              <Select
                aria-label={`“${c.header}”对应的模板列`}
                style={{ width: narrow ? undefined : 220, flex: narrow ? 1 : undefined }}
                popupMatchSelectWidth={false}
                showSearch={{ optionFilterProp: 'label' }}
                value={mappedColumn(c, mapping)}
                options={options}
                onChange={(v: string) => onChange(c.header, v)}
              />
            </div>
          </li>
        ))}
      </ul>
      <Space wrap style={{ marginTop: 8 }}>
        <Button type={changed ? 'primary' : 'default'} disabled={!changed} loading={busy} onClick={onRecheck}>
          按此对应重新检查
        </Button>
        <Typography.Text type="secondary">
          {changed ? '对应已修改：重新检查后才能导入。' : '列名与模板不同时，可在上面为它选择模板列。'}
        </Typography.Text>
      </Space>
    </section>
  );
}
