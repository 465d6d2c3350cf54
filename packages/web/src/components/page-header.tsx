import type { ReactNode } from 'react';
import { Flex } from 'antd';
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
  return (
    <div style={{ marginBottom: 16 }}>
      {crumbs.length > 0 && <Crumbs items={crumbs} style={{ marginBottom: 8 }} />}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} wrap>
          <Heading level={3} style={{ margin: 0 }}>
            {title}
          </Heading>
          {tags}
        </Flex>
        {extra}
      </Flex>
    </div>
  );
}
