import { useState, type CSSProperties } from 'react';
import { Select, Spin } from 'antd';
import type { OrganisationQuery, OrganisationView } from '@shegong/shared';
import { useOrganisation, useOrganisationSearch } from './organisations.api';

/** One list the picker offers, e.g. the county's own organisations, or the out-of-town ones (shown as a group). */
export interface OrganisationList {
  title?: string;
  query: Partial<OrganisationQuery>;
}

/**
 * An organisation picker for a form field: searches the registry on the server as the user types (name or credit code)
 * in each of `lists`, and keeps showing the chosen organisation's name when the current results no longer contain it.
 * `onChange` also hands over the chosen organisation.
 */
export function OrganisationSelect({
  id,
  value,
  onChange,
  lists,
  labelOf = (o) => o.name,
  keep = () => true,
  enabled = true,
  style,
  placeholder = '输入名称或统一社会信用代码查找',
}: {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined, organisation?: OrganisationView) => void;
  lists: OrganisationList[];
  labelOf?: (o: OrganisationView) => string;
  keep?: (o: OrganisationView) => boolean;
  enabled?: boolean;
  style?: CSSProperties;
  placeholder?: string;
}) {
  const { search, pages, fetching } = useOrganisationSearch(
    lists.map((l) => l.query),
    { enabled },
  );
  const [picked, setPicked] = useState<OrganisationView>();
  const shown = new Map<string, OrganisationView>();
  const groups = lists.map((l, i) => {
    const page = pages[i];
    const items = (page?.items ?? []).filter((o) => keep(o) && !shown.has(o.id));
    for (const o of items) shown.set(o.id, o);
    const options: { value: string; label: string; disabled?: boolean }[] = items.map((o) => ({
      value: o.id,
      label: labelOf(o),
    }));
    const rest = page ? page.total - page.items.length : 0;
    if (rest > 0) options.push({ value: `more:${i}`, label: `另有 ${rest} 家，请输入名称查找`, disabled: true });
    return { title: l.title, options };
  });
  // The chosen organisation when the current search does not list it: the one picked here, or (a value the form
  // started with) read from the server.
  const missing = value && !shown.has(value) ? value : '';
  const fetched = useOrganisation(missing && picked?.id !== missing ? missing : '');
  const chosen = missing ? (picked?.id === missing ? picked : fetched.data) : undefined;
  const grouped = lists.some((l) => l.title);
  const options = [
    ...(chosen ? [{ value: chosen.id, label: labelOf(chosen) }] : []),
    ...(grouped
      ? groups.filter((g) => g.options.length).map((g) => ({ label: g.title, title: g.title, options: g.options }))
      : groups.flatMap((g) => g.options)),
  ];
  return (
    <Select
      id={id}
      value={value}
      style={style}
      placeholder={placeholder}
      allowClear
      popupMatchSelectWidth={false}
      showSearch={{ filterOption: false, onSearch: search }}
      onChange={(v: string | undefined) => {
        const o = v ? (shown.get(v) ?? (chosen?.id === v ? chosen : undefined)) : undefined;
        setPicked(o);
        onChange?.(v, o);
      }}
      onOpenChange={(open) => !open && search('')}
      loading={fetching}
      notFoundContent={fetching ? <Spin size="small" /> : '没有匹配的机构'}
      options={options}
    />
  );
}
