import { useState } from 'react';
import { Button, Checkbox, Form, Grid, Select } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { REPORT_KIND_LABELS, REPORT_KINDS, REPORT_STATUS_LABELS, REPORT_STATUSES } from '@shegong/shared';
import { useAuth } from '../../app/auth';
import { unitsFor, useDivisions } from '../../lib/divisions';
import { OrganisationSelect } from '../organisations/organisation-select';
import type { ReportFilters } from './reports.api';
import { periodOptions } from '../circulars/circular-periods';

// Every period begun, a year (every period in it) with its halves, quarters and months, newest first: the 通报's list.
const PERIODS = periodOptions(0, true);

/** The list's filters (UX.md List: on top, collapsed on phones behind 筛选); their values live in the address. */
export function ReportFilterForm({ value, onChange }: { value: ReportFilters; onChange: (f: ReportFilters) => void }) {
  const narrow = Grid.useBreakpoint().md === false;
  const [open, setOpen] = useState(false);
  const { user } = useAuth();
  const divisions = useDivisions();
  const units = unitsFor(divisions.data, user?.divisionCode);
  const contractor = user?.role === 'org_admin' || user?.role === 'project_lead';
  const w = narrow ? '100%' : undefined;
  const set = (patch: Partial<ReportFilters>) => onChange({ ...value, ...patch });

  const fields = (
    <Form layout={narrow ? 'vertical' : 'inline'} style={{ rowGap: 8 }}>
      <Form.Item label="报告类型">
        <Select
          aria-label="报告类型"
          allowClear
          placeholder="全部"
          value={value.kind}
          style={{ width: w ?? 240 }}
          options={REPORT_KINDS.map((k) => ({ value: k, label: REPORT_KIND_LABELS[k] }))}
          onChange={(kind) => set({ kind })}
        />
      </Form.Item>
      <Form.Item label="报告期">
        <Select
          aria-label="报告期"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部"
          value={value.period}
          style={{ width: w ?? 180 }}
          options={PERIODS}
          onChange={(period) => set({ period })}
        />
      </Form.Item>
      {units.length > 1 && (
        <Form.Item label="县（区）">
          <Select
            aria-label="县（区）"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部"
            value={value.unit}
            style={{ width: w ?? 160 }}
            options={units.map((u) => ({ value: u.code, label: u.name }))}
            onChange={(unit) => set({ unit })}
          />
        </Form.Item>
      )}
      {!contractor && (
        <Form.Item label="承接机构" htmlFor="report-organisation">
          <OrganisationSelect
            id="report-organisation"
            value={value.organisationId}
            lists={[{ query: {} }]}
            style={{ width: w ?? 240 }}
            placeholder="全部"
            onChange={(organisationId) => set({ organisationId })}
          />
        </Form.Item>
      )}
      <Form.Item label="状态">
        <Select
          aria-label="状态"
          allowClear
          placeholder="全部"
          value={value.status}
          style={{ width: w ?? 120 }}
          options={REPORT_STATUSES.map((s) => ({ value: s, label: REPORT_STATUS_LABELS[s] }))}
          onChange={(status) => set({ status })}
        />
      </Form.Item>
      <Form.Item>
        <Checkbox
          checked={value.late === 'true'}
          onChange={(e) => set({ late: e.target.checked ? 'true' : undefined })}
        >
          只看逾期
        </Checkbox>
      </Form.Item>
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
