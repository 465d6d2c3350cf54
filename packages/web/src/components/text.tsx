import type { CSSProperties, ReactNode } from 'react';
import { theme } from 'antd';

// Headings and text with antd Typography's look, for the shell and the first pages (登录, 工作台). Typography itself
// always imports its editor (TextArea and Input), copy button and ellipsis tooltip (≈ 15 KB gzipped with what they
// pull in), which these never use. Pages that edit, copy or truncate text keep using Typography.

type Kind = 'secondary' | undefined;

/** A heading (`h1`…`h5`) sized like Typography.Title; the page title is level 3. */
export function Heading({
  level = 3,
  children,
  style,
}: {
  level?: 1 | 2 | 3 | 4 | 5;
  children: ReactNode;
  style?: CSSProperties;
}) {
  const { token } = theme.useToken();
  const H = `h${level}` as const;
  return (
    <H
      style={{
        marginBottom: '0.5em',
        color: token.colorTextHeading,
        fontWeight: token.fontWeightStrong,
        fontSize: token[`fontSizeHeading${level}`],
        lineHeight: token[`lineHeightHeading${level}`],
        wordBreak: 'break-word',
        ...style,
      }}
    >
      {children}
    </H>
  );
}

function useTextColor(type: Kind): string {
  const { token } = theme.useToken();
  return type === 'secondary' ? token.colorTextDescription : token.colorText;
}

/** An inline text like Typography.Text: `secondary` is the description grey, `strong` the heading weight. */
export function Text({
  type,
  strong,
  children,
  style,
}: {
  type?: Kind;
  strong?: boolean;
  children: ReactNode;
  style?: CSSProperties;
}) {
  const { token } = theme.useToken();
  const color = useTextColor(type);
  return (
    <span style={{ color, wordBreak: 'break-word', ...style }}>
      {strong ? <strong style={{ fontWeight: token.fontWeightStrong }}>{children}</strong> : children}
    </span>
  );
}

/** A paragraph like Typography.Paragraph (a block with 1em below it). */
export function Paragraph({ type, children, style }: { type?: Kind; children: ReactNode; style?: CSSProperties }) {
  const color = useTextColor(type);
  return <div style={{ color, marginBottom: '1em', wordBreak: 'break-word', ...style }}>{children}</div>;
}
