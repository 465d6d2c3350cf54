import type { CSSProperties, ReactNode } from 'react';
import { theme } from 'antd';

/**
 * A white box with antd Card's look (outlined, large radius, optional title bar), for the first pages (登录, 工作台).
 * Not Card itself: antd's Card always imports Tabs and through them Dropdown and Menu (≈ 14 KB gzipped) for its
 * `tabList`, which these pages never show. Pages with tabs or card actions keep using Card.
 */
export function Panel({
  title,
  children,
  style,
  bodyStyle,
}: {
  title?: ReactNode;
  children: ReactNode;
  style?: CSSProperties;
  bodyStyle?: CSSProperties;
}) {
  const { token } = theme.useToken();
  const line = `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`;
  return (
    <div
      style={{
        boxSizing: 'border-box',
        background: token.colorBgContainer,
        border: line,
        borderRadius: token.borderRadiusLG,
        color: token.colorText,
        fontSize: token.fontSize,
        lineHeight: token.lineHeight,
        fontFamily: token.fontFamily,
        ...style,
      }}
    >
      {title && (
        <div
          style={{
            display: 'flex',
            alignItems: 'center',
            minHeight: token.fontSizeLG * token.lineHeightLG + token.padding * 2,
            padding: `0 ${token.paddingLG}px`,
            color: token.colorTextHeading,
            fontWeight: token.fontWeightStrong,
            fontSize: token.fontSizeLG,
            borderBottom: line,
          }}
        >
          {title}
        </div>
      )}
      <div style={{ padding: token.paddingLG, ...bodyStyle }}>{children}</div>
    </div>
  );
}
