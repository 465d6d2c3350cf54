import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { Button, DatePicker, Form, Grid, Select } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { SERVICE_FORMS, SERVICE_FORM_LABELS, type ServiceRecordQuery } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { useStations } from '../stations/stations.api';
import { useStationLabel } from '../stations/station-label';
import { useWorkerSearch } from '../workers/workers.api';
import { useCatalogue } from './services.api';

export type ServiceFilters = Omit<Partial<ServiceRecordQuery>, 'page' | 'pageSize'>;

/** The list's filters (UX.md List: on top, collapsed on phones behind 筛选). */
export function ServiceFilterForm({
  onChange,
  initial = {},
}: {
  onChange: (f: ServiceFilters) => void;
  /** Filters the page was opened with (a statistics figure links to its records: station and period). */
  initial?: ServiceFilters;
}) {
  const narrow = Grid.useBreakpoint().md === false;
  const [open, setOpen] = useState(false);
  const { can } = useAuth();
  const stationLabel = useStationLabel();
  const stations = useStations({ page: 1, pageSize: 200 });
  const workers = useWorkerSearch({}, { enabled: can('workers:read') });
  const catalogue = useCatalogue();
  const [form] = Form.useForm();
  const w = narrow ? '100%' : undefined;
  const domains = [...new Map((catalogue.data?.items ?? []).map((i) => [i.domainCode, i.domainName])).entries()];

  function changed(_: unknown, all: Record<string, unknown>) {
    const range = all.range as [Dayjs, Dayjs] | null | undefined;
    const picked = (all.what as string | undefined) ?? '';
    onChange({
      stationId: (all.stationId as string) ?? undefined,
      workerId: (all.workerId as string) ?? undefined,
      form: (all.form as ServiceFilters['form']) ?? undefined,
      from: range?.[0]?.format('YYYY-MM-DD'),
      to: range?.[1]?.format('YYYY-MM-DD'),
      domain: picked.startsWith('d') ? Number(picked.slice(1)) : undefined,
      item: picked.startsWith('i') ? picked.slice(1) : undefined,
    });
  }

  const fields = (
    <Form
      form={form}
      name="service-filter"
      layout={narrow ? 'vertical' : 'inline'}
      style={{ rowGap: 8 }}
      onValuesChange={changed}
      initialValues={{
        stationId: initial.stationId,
        range: initial.from && initial.to ? [dayjs(initial.from), dayjs(initial.to)] : undefined,
        form: initial.form,
        what: initial.item ? `i${initial.item}` : initial.domain ? `d${initial.domain}` : undefined,
      }}
    >
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
      <Form.Item name="range" label="服务日期">
        <DatePicker.RangePicker style={{ width: w ?? 240 }} />
      </Form.Item>
      <Form.Item name="form" label="服务形式">
        <Select
          allowClear
          placeholder="全部"
          style={{ width: w ?? 120 }}
          options={SERVICE_FORMS.map((f) => ({ value: f, label: SERVICE_FORM_LABELS[f] }))}
        />
      </Form.Item>
      <Form.Item name="what" label="领域 / 项目">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部"
          style={{ width: w ?? 240 }}
          options={domains.map(([code, name]) => ({
            label: name,
            options: [
              { value: `d${code}`, label: `${name}（全部）` },
              ...(catalogue.data?.items ?? [])
                .filter((i) => i.domainCode === code)
                .map((i) => ({ value: `i${i.code}`, label: `${i.itemNumber}. ${i.itemName}` })),
            ],
          }))}
        />
      </Form.Item>
      {can('workers:read') && (
        <Form.Item name="workerId" label="社工">
          <Select
            allowClear
            placeholder="输入姓名查找"
            style={{ width: w ?? 140 }}
            showSearch={{ filterOption: false, onSearch: workers.search }}
            options={workers.items.map((o) => ({ value: o.id, label: o.name }))}
          />
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
