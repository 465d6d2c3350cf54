import { Fragment, type CSSProperties } from 'react';
import { Link } from 'react-router';
import { theme } from 'antd';

/**
 * Breadcrumbs with antd Breadcrumb's look and markup shape (`nav > ol > li`, `/` separators hidden from screen
 * readers). Not Breadcrumb itself: it always imports Dropdown, Menu and their icons for crumbs with menus (≈ 2.4 KB
 * gzipped on every page with a header), and these crumbs are plain links. The links' hover is a rule, not an inline
 * style, so React 19 hoists it into the head once (`<style href precedence>`).
 */
export function Crumbs({ items, style }: { items: { title: string; to?: string }[]; style?: CSSProperties }) {
  const { token } = theme.useToken();
  const css = `.sg-crumbs a{color:${token.colorTextDescription};transition:color ${token.motionDurationMid};padding:0 ${token.paddingXXS}px;border-radius:${token.borderRadiusSM}px;height:${Math.round(token.fontSize * token.lineHeight)}px;display:inline-block;margin-inline:-${token.marginXXS}px}.sg-crumbs a:hover{color:${token.colorText};background-color:${token.colorBgTextHover}}`;
  return (
    <nav
      className="sg-crumbs"
      style={{ color: token.colorTextDescription, fontSize: token.fontSize, lineHeight: token.lineHeight, ...style }}
    >
      <style href="shegong-crumbs" precedence="default">
        {css}
      </style>
      <ol style={{ display: 'flex', flexWrap: 'wrap', margin: 0, padding: 0, listStyle: 'none' }}>
        {items.map((c, i) => (
          <Fragment key={`${i}-${c.title}`}>
            {i > 0 && (
              <li aria-hidden="true" style={{ marginInline: token.marginXS }}>
                /
              </li>
            )}
            <li style={i === items.length - 1 ? { color: token.colorText } : undefined}>
              {c.to ? <Link to={c.to}>{c.title}</Link> : c.title}
            </li>
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}
