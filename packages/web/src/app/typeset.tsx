import type { ReactNode } from 'react';
import { theme, type ThemeConfig } from 'antd';

/**
 * Preset tag colours (`<Tag color="gold">`) draw their text in shade 7, too light on their shade 1 for these palettes.
 * antd names each shade twice (`gold7`, `gold-7`) and both become the CSS variable `--ant-gold-7`: set both.
 */
const TAG_TEXT = Object.fromEntries(
  Object.entries({
    gold: '#874d00',
    green: '#237804',
    orange: '#ad4e00',
    cyan: '#006d75',
    lime: '#3f6600',
    volcano: '#ad2102',
  }).flatMap(([colour, text]) => [
    [`${colour}7`, text],
    [`${colour}-7`, text],
  ]),
);

/**
 * The one antd theme (GB/T 37668-2019, i.e. WCAG 2.0 AA): every colour that carries text reaches 4.5:1. antd's own
 * blue (#1677ff) gives white button text only 4.1:1, its grey secondary text 3.4:1, its green, gold and orange tag text
 * under 3.5:1; the shades below are the next darker ones of antd's palettes. Hover and active go darker, not lighter,
 * so a hovered link or button keeps its contrast. Status backgrounds stay antd's light ones.
 */
export const THEME: ThemeConfig = {
  token: {
    borderRadius: 6,
    colorPrimary: '#0958d9',
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarning: '#8f5400',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorError: '#cf1322',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorTextTertiary: 'rgba(0,0,0,0.62)',
    colorTextDescription: 'rgba(0,0,0,0.62)',
    colorTextPlaceholder: 'rgba(0,0,0,0.58)',
    ...TAG_TEXT,
  },
  // "暂无数据" in an empty table is drawn in the disabled grey (1.8:1); it is text to read, not a control. (List's
  // empty text does not take a component token: give a List a secondary-text emptyText, as attachments-list does.)
  components: {
    Table: { colorTextDisabled: 'rgba(0,0,0,0.62)' },
  },
};

/**
 * What antd's `App` gives every page besides its holders: the font, colour and size of the text, and antd's link
 * colours. antd's `App` itself (the message, notification and modal holders behind `App.useApp()`, ≈ 18 KB gzipped)
 * wraps only the logged-in shell (`app/layout.tsx`), where the pages use it; the login page and the public directory
 * do not need it. The link rule is antd's own reset (`genLinkStyle`), hoisted into the head once by React 19, except
 * that a link focused from the keyboard shows a ring (antd's reset removes every outline) and the skip link
 * (`.skip-link`, 跳到主要内容) stays off screen until it has the focus.
 */
export function Typeset({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  const links =
    `a{color:${token.colorLink};text-decoration:${token.linkDecoration ?? 'none'};background-color:transparent;` +
    `outline:none;cursor:pointer;transition:color ${token.motionDurationSlow}}` +
    `a:hover{color:${token.colorLinkHover}}a:active{color:${token.colorLinkActive}}` +
    `a:active,a:hover,a:focus{text-decoration:${token.linkHoverDecoration ?? 'none'};outline:0}` +
    `a:focus-visible{outline:2px solid ${token.colorPrimary};outline-offset:2px;border-radius:2px}` +
    `a[disabled]{color:${token.colorTextDisabled};cursor:not-allowed}` +
    `.skip-link{position:absolute;left:8px;top:-100px;z-index:1000;padding:8px 16px;background:#fff;` +
    `color:${token.colorLink};border-radius:${token.borderRadius}px;box-shadow:${token.boxShadow}}` +
    `.skip-link:focus{top:8px}`;
  return (
    <div
      style={{
        color: token.colorText,
        fontSize: token.fontSize,
        lineHeight: token.lineHeight,
        fontFamily: token.fontFamily,
      }}
    >
      <style href="shegong-links" precedence="default">
        {links}
      </style>
      {children}
    </div>
  );
}
