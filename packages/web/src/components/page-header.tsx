import type { ReactNode } from 'react';
import { Flex, theme } from 'antd';
import { Crumbs } from './crumbs';
import { Heading } from './text';

/** Title, breadcrumbs and the page's primary actions, the same on every page. */
export function PageHeader({
  title,
  crumbs = [],
  extra,
  tags,
}: {
  title: ReactNode;
  crumbs?: { title: string; to?: string }[];
  extra?: ReactNode;
  tags?: ReactNode;
}) {
  const { token } = theme.useToken();
  return (
    <div style={{ marginBottom: 16 }}>
      {crumbs.length > 0 && <Crumbs items={crumbs} style={{ marginBottom: 8 }} />}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} wrap>
          {/* The page's one h1 (GB/T 37668-2019), at the size of antd's h3. */}
          <Heading
            level={1}
            style={{ margin: 0, fontSize: token.fontSizeHeading3, lineHeight: token.lineHeightHeading3 }}
          >
            {title}
          </Heading>
          {tags}
        </Flex>
        {extra}
      </Flex>
    </div>
  );
}
