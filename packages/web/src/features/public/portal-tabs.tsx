import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { theme } from 'antd';

export interface PortalTab {
  key: string;
  label: string;
  children: ReactNode;
}

/**
 * The portal's tabs, after the WAI-ARIA tabs pattern: Tab reaches the open tab, arrows (and Home/End) move between
 * tabs, Enter or Space opens one. Not antd's Tabs: it names each focused tab with a hard-coded English live region
 * ("Tab 1 of 3"), and when the labels do not fit (大字模式 on a phone) it puts a "more" button inside the tab list,
 * which screen readers do not expect there; these tabs wrap instead.
 */
export function PortalTabs({ label, items }: { label: string; items: PortalTab[] }) {
  const { token } = theme.useToken();
  const [active, setActive] = useState(items[0].key);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const move = (e: KeyboardEvent, index: number) => {
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: items.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    refs.current[items[(to + items.length) % items.length].key]?.focus();
  };
  const css =
    `.portal-tab{background:none;border:0;border-bottom:2px solid transparent;padding:12px 0;` +
    `font:inherit;color:${token.colorText};cursor:pointer}` +
    `.portal-tab:hover{color:${token.colorPrimaryHover}}` +
    `.portal-tab[aria-selected=true]{color:${token.colorPrimary};border-bottom-color:${token.colorPrimary}}` +
    `.portal-tab:focus-visible{outline:2px solid ${token.colorPrimary};outline-offset:2px;border-radius:2px}`;
  return (
    <>
      <style href="shegong-portal-tabs" precedence="default">
        {css}
      </style>
      <div
        role="tablist"
        aria-label={label}
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          columnGap: 24,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          marginBottom: 16,
        }}
      >
        {items.map((t, i) => (
          <button
            key={t.key}
            ref={(b) => {
              refs.current[t.key] = b;
            }}
            type="button"
            role="tab"
            className="portal-tab"
            id={`portal-tab-${t.key}`}
            aria-selected={t.key === active}
            aria-controls={`portal-panel-${t.key}`}
            tabIndex={t.key === active ? 0 : -1}
            onClick={() => setActive(t.key)}
            onKeyDown={(e) => move(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {items
        .filter((t) => t.key === active)
        .map((t) => (
          <div key={t.key} role="tabpanel" id={`portal-panel-${t.key}`} aria-labelledby={`portal-tab-${t.key}`}>
            {t.children}
          </div>
        ))}
    </>
  );
}
