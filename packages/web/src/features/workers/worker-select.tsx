import { useState, type CSSProperties } from 'react';
import { Select, Spin } from 'antd';
import type { WorkerOption, WorkerOptionQuery } from '@shegong/shared';
import { useWorkerSearch, WORKER_PICKER_SIZE } from './workers.api';

/** How a worker reads in the picker: the name and the employer. */
export const workerOptionLabel = (w: WorkerOption) => `${w.name}（${w.organisationName}）`;

/**
 * A picker of several workers for a form field (training attendees): searches the roster on the server by name as the
 * user types (names only, scoped like the roster, 50 at a time), and keeps showing the names already picked when the
 * current search no longer lists them.
 */
export function WorkerSelect({
  id,
  value,
  onChange,
  query,
  enabled = true,
  style,
  placeholder = '输入姓名查找',
}: {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  query?: Omit<Partial<WorkerOptionQuery>, 'q'>;
  enabled?: boolean;
  style?: CSSProperties;
  placeholder?: string;
}) {
  const { search, items, fetching } = useWorkerSearch(query, { enabled });
  const [picked, setPicked] = useState<Map<string, WorkerOption>>(new Map());
  const listed = new Set(items.map((w) => w.id));
  const options: { value: string; label: string; disabled?: boolean }[] = [
    ...(value ?? [])
      .filter((v) => !listed.has(v) && picked.has(v))
      .map((v) => ({ value: v, label: workerOptionLabel(picked.get(v)!) })),
    ...items.map((w) => ({ value: w.id, label: workerOptionLabel(w) })),
  ];
  if (items.length >= WORKER_PICKER_SIZE)
    options.push({ value: 'more', label: `仅显示前 ${WORKER_PICKER_SIZE} 人，请输入姓名查找`, disabled: true });
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      style={style}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: search }}
      onChange={(ids: string[]) => {
        const next = new Map(picked);
        for (const w of items) if (ids.includes(w.id)) next.set(w.id, w);
        setPicked(next);
        onChange?.(ids);
      }}
      onOpenChange={(open) => !open && search('')}
      loading={fetching}
      notFoundContent={fetching ? <Spin size="small" /> : '没有匹配的社工'}
      options={options}
    />
  );
}
