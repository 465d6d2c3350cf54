import type { ReactNode } from 'react';
import { theme } from 'antd';

/** `1234.5` → `1,234.5`, as antd's Statistic groups digits. */
const grouped = (n: number) => {
  const [int, dec] = String(n).split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (dec ? `.${dec}` : '');
};

/**
 * A figure with its caption, with antd Statistic's look, for the home page (工作台). Not Statistic itself, which
 * carries its countdown timer and a Skeleton for `loading`; pages that need those keep using Statistic.
 */
export function Stat({
  title,
  value,
  suffix,
  color,
}: {
  title: ReactNode;
  /** null: nothing to measure yet, shown as — (never as 0). */
  value: number | null;
  suffix?: ReactNode;
  /** The figure's colour (a warning red when something needs action); the heading colour otherwise. */
  color?: string;
}) {
  const { token } = theme.useToken();
  return (
    <div>
      <div style={{ paddingBottom: token.marginXXS, color: token.colorTextDescription, fontSize: token.fontSize }}>
        {title}
      </div>
      <div style={{ color: color ?? token.colorTextHeading, fontSize: token.fontSizeHeading3 }}>
        <span style={{ display: 'inline-block', direction: 'ltr' }}>{value == null ? '—' : grouped(value)}</span>
        {suffix && value != null && (
          <span style={{ display: 'inline-block', marginInlineStart: token.marginXXS }}>{suffix}</span>
        )}
      </div>
    </div>
  );
}
