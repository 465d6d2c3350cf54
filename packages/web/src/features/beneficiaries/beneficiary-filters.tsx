import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { Button, DatePicker, Form, Grid, Input, InputNumber, Select } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import {
  BENEFICIARY_CATEGORIES,
  CATEGORY_LABELS,
  RISK_LABELS,
  RISK_LEVELS,
  type BeneficiaryQuery,
} from '@shegong/shared';
import { useStations } from '../stations/stations.api';
import { useStationLabel } from '../stations/station-label';
import { useWorkerSearch } from '../workers/workers.api';
import { useAuth } from '../../app/auth';

export type BeneficiaryFilters = Omit<Partial<BeneficiaryQuery>, 'page' | 'pageSize'>;

/** The list's filters (UX.md List: on top, collapsed on phones behind 筛选). */
export function BeneficiaryFilterForm({
  onChange,
  initial = {},
}: {
  onChange: (f: BeneficiaryFilters) => void;
  /** Filters the page was opened with (a report's figure links to its station's people of a category). */
  initial?: Pick<BeneficiaryFilters, 'category' | 'stationId'>;
}) {
  const narrow = Grid.useBreakpoint().md === false;
  const [open, setOpen] = useState(false);
  const { can } = useAuth();
  const stationLabel = useStationLabel();
  const stations = useStations({ page: 1, pageSize: 200 });
  const workers = useWorkerSearch({}, { enabled: can('workers:read') });
  const [form] = Form.useForm();
  const w = narrow ? '100%' : undefined;

  function changed(_: unknown, all: Record<string, unknown>) {
    const asOf = all.asOf as Dayjs | null | undefined;
    onChange({
      category: (all.category as BeneficiaryFilters['category']) ?? undefined,
      risk: (all.risk as BeneficiaryFilters['risk']) ?? undefined,
      stationId: (all.stationId as string) ?? undefined,
      workerId: (all.workerId as string) ?? undefined,
      village: (all.village as string)?.trim() || undefined,
      asOf: asOf ? asOf.format('YYYY-MM-DD') : undefined,
      noServiceDays: (all.noServiceDays as number) ?? undefined,
    });
  }

  const fields = (
    <Form
      form={form}
      name="beneficiary-filter"
      layout={narrow ? 'vertical' : 'inline'}
      style={{ rowGap: 8 }}
      onValuesChange={changed}
      initialValues={initial}
    >
      <Form.Item name="category" label="类别">
        <Select
          allowClear
          placeholder="全部"
          style={{ width: w ?? 170 }}
          options={BENEFICIARY_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
        />
      </Form.Item>
      <Form.Item name="risk" label="风险等级">
        <Select
          allowClear
          placeholder="全部"
          style={{ width: w ?? 110 }}
          options={RISK_LEVELS.map((r) => ({ value: r, label: RISK_LABELS[r] }))}
        />
      </Form.Item>
      <Form.Item name="stationId" label="社工站">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部"
          style={{ width: w ?? 220 }}
          options={(stations.data?.items ?? []).map((s) => ({
            value: s.id,
            label: stationLabel(s.name, s.countyCode),
          }))}
        />
      </Form.Item>
      {can('workers:read') && (
        <Form.Item name="workerId" label="负责社工">
          <Select
            allowClear
            placeholder="输入姓名查找"
            style={{ width: w ?? 140 }}
            showSearch={{ filterOption: false, onSearch: workers.search }}
            options={workers.items.map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="village" label="村（社区）">
        <Input allowClear placeholder="村或社区名" style={{ width: w ?? 140 }} />
      </Form.Item>
      <Form.Item name="asOf" label="截至日期" tooltip="按该日有效的类别筛选，默认今天">
        <DatePicker style={{ width: w ?? 140 }} />
      </Form.Item>
      <Form.Item name="noServiceDays" label="未服务天数" tooltip="最近 N 天没有服务记录的对象">
        <InputNumber min={1} max={3650} placeholder="N 天" style={{ width: w ?? 110 }} />
      </Form.Item>
    </Form>
  );

  if (!narrow) return fields;
  return (
    <>
      <Button icon={<FilterOutlined />} onClick={() => setOpen(!open)} aria-expanded={open} block>
        {open ? '收起筛选' : '筛选'}
      </Button>
      {/* Kept mounted when closed, so the chosen filters stay while the form is folded away. */}
      <div hidden={!open} style={{ marginTop: 12 }}>
        {fields}
      </div>
    </>
  );
}
