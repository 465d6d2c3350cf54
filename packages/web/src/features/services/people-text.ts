import type { ServiceRecordListItem } from '@shegong/shared';

/** Who was served, as the server shows them to this caller: names (masked for officers), or a head count. */
export function peopleText(r: ServiceRecordListItem): string {
  const names = r.people.map((p) => (p.restricted ? '（敏感记录）' : p.name));
  const parts = [names.join('、'), r.headCount ? `${r.headCount} 人参与` : ''].filter(Boolean);
  return parts.join('，') || '—';
}
