import { useState } from 'react';
import { Button, Form, Grid, Select } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import {
  EVALUATION_KIND_LABELS,
  EVALUATION_KINDS,
  EVALUATION_STATUS_LABELS,
  EVALUATION_STATUSES,
} from '@shegong/shared';
import { useDesk } from '../home/home.api';
import type { RoundFilters } from './rounds.api';

/** The list's filters (UX.md List: on top, collapsed on phones behind 筛选); their values live in the address. */
export function RoundFilterForm({ value, onChange }: { value: RoundFilters; onChange: (f: RoundFilters) => void }) {
  const narrow = Grid.useBreakpoint().md === false;
  const [open, setOpen] = useState(false);
  const desk = useDesk();
  // The server's year (its clock decides what is current); agreement years began in 2021 at the earliest.
  const thisYear = Number((desk.data?.today ?? new Date().toISOString()).slice(0, 4));
  const years = Array.from({ length: thisYear - 2020 }, (_, i) => thisYear - i);
  const w = narrow ? '100%' : undefined;
  const set = (patch: Partial<RoundFilters>) => onChange({ ...value, ...patch });

  const fields = (
    <Form layout={narrow ? 'vertical' : 'inline'} style={{ rowGap: 8 }}>
      <Form.Item label="类型">
        <Select
          aria-label="类型"
          allowClear
          placeholder="全部"
          value={value.kind}
          style={{ width: w ?? 140 }}
          options={EVALUATION_KINDS.map((k) => ({ value: k, label: EVALUATION_KIND_LABELS[k] }))}
          onChange={(kind) => set({ kind })}
        />
      </Form.Item>
      <Form.Item label="状态">
        <Select
          aria-label="状态"
          allowClear
          placeholder="全部"
          value={value.status}
          style={{ width: w ?? 120 }}
          options={EVALUATION_STATUSES.map((s) => ({ value: s, label: EVALUATION_STATUS_LABELS[s] }))}
          onChange={(status) => set({ status })}
        />
      </Form.Item>
      <Form.Item label="年份" tooltip="协议年度开始的年份">
        <Select
          aria-label="年份"
          allowClear
          placeholder="全部"
          value={value.year}
          style={{ width: w ?? 120 }}
          options={years.map((y) => ({ value: y, label: `${y} 年` }))}
          onChange={(year) => set({ year })}
        />
      </Form.Item>
      <Form.Item label="是否合格">
        <Select
          aria-label="是否合格"
          allowClear
          placeholder="全部"
          value={value.passed}
          style={{ width: w ?? 120 }}
          options={[
            { value: 'true', label: '合格' },
            { value: 'false', label: '不合格' },
          ]}
          onChange={(passed) => set({ passed })}
        />
      </Form.Item>
      {value.contractId && (
        <Form.Item>
          <Button onClick={() => set({ contractId: undefined })}>查看全部合同</Button>
        </Form.Item>
      )}
    </Form>
  );

  if (!narrow) return fields;
  return (
    <>
      <Button icon={<FilterOutlined />} onClick={() => setOpen(!open)} aria-expanded={open} block>
        {open ? '收起筛选' : '筛选'}
      </Button>
      <div hidden={!open} style={{ marginTop: 12 }}>
        {fields}
      </div>
    </>
  );
}
