import type { ReactNode } from 'react';
import { theme } from 'antd';

/**
 * What antd's `App` gives every page besides its holders: the font, colour and size of the text, and antd's link
 * colours. antd's `App` itself (the message, notification and modal holders behind `App.useApp()`, ≈ 18 KB gzipped)
 * wraps only the logged-in shell (`app/layout.tsx`), where the pages use it; the login page and the public directory
 * do not need it. The link rule is antd's own reset (`genLinkStyle`), hoisted into the head once by React 19.
 */
export function Typeset({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  const links =
    `a{color:${token.colorLink};text-decoration:${token.linkDecoration ?? 'none'};background-color:transparent;` +
    `outline:none;cursor:pointer;transition:color ${token.motionDurationSlow}}` +
    `a:hover{color:${token.colorLinkHover}}a:active{color:${token.colorLinkActive}}` +
    `a:active,a:hover,a:focus{text-decoration:${token.linkHoverDecoration ?? 'none'};outline:0}` +
    `a[disabled]{color:${token.colorTextDisabled};cursor:not-allowed}`;
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
