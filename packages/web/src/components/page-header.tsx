import type { ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';
import { Link } from 'react-router';

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
      {crumbs.length > 0 && (
        <Breadcrumb
          items={crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))}
          style={{ marginBottom: 8 }}
        />
      )}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {tags}
        </Flex>
        {extra}
      </Flex>
    </div>
  );
}
