import { useEffect, useMemo } from 'react';
import { Select } from 'antd';
import { useContracts } from '../contracts/contracts.api';

/**
 * The agreement years of the contracts in the caller's scope, as `contractId/yearNo`; with `preselect`, each live
 * contract's current year is chosen once the contracts load (the county evaluates this year's agreements).
 */
export function RoundSubjectsSelect(p: {
  value?: string[];
  onChange?: (v: string[]) => void;
  preselect: boolean;
  id?: string;
}) {
  const { data, isLoading } = useContracts({ page: 1, pageSize: 200 });
  const options = useMemo(
    () =>
      (data?.items ?? [])
        .filter((c) => c.status !== 'ended')
        .flatMap((c) =>
          c.agreements.map((a) => ({
            value: `${c.id}/${a.yearNo}`,
            // The year first after the title: a phone shows only the start of a chosen one.
            label: `${c.title} 第 ${a.yearNo} 年度（${c.contractorName}，${a.periodStart} 至 ${a.periodEnd}）`,
            current: c.status === 'active' && a.yearNo === c.currentYearNo,
          })),
        ),
    [data],
  );
  const { value, onChange, preselect } = p;
  useEffect(() => {
    if (preselect && !value?.length && options.length) {
      const current = options.filter((o) => o.current).map((o) => o.value);
      if (current.length) onChange?.(current);
    }
    // Only when the contracts arrive: a user who clears the choice keeps it cleared.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options]);
  return (
    <Select
      id={p.id}
      aria-label="评估的年度协议"
      mode="multiple"
      loading={isLoading}
      value={value}
      onChange={onChange}
      placeholder="选择合同的年度协议"
      optionFilterProp="label"
      options={options.map(({ value: v, label }) => ({ value: v, label }))}
      notFoundContent={isLoading ? '加载中' : '没有可评估的合同'}
      style={{ width: '100%' }}
    />
  );
}
