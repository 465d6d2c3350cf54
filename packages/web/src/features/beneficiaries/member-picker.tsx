import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useBeneficiaries } from './beneficiaries.api';
import { genderAge } from './beneficiary-tags';

/**
 * Links a household member to their own record when they are registered too (searched by name, ID digits or phone,
 * within the caller's scope; restricted records are not offered).
 */
export function MemberPicker({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
}) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(t);
  }, [text]);
  const { data, isFetching } = useBeneficiaries({ q: q || undefined, page: 1, pageSize: 10 });
  const options = (data?.items ?? [])
    .filter((b) => !b.restricted)
    .map((b) => ({ value: b.id, label: `${b.name}（${[genderAge(b), b.village].filter(Boolean).join('，')}）` }));
  // The linked record stays named while the search shows others.
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: '已关联的服务对象' });
  return (
    <Select
      id={id}
      size="large"
      allowClear
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      placeholder="不是服务对象时不填"
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={isFetching}
      notFoundContent="没有匹配的服务对象"
      options={options}
    />
  );
}
