import { Tag } from 'antd';
import type { Finding } from '@shegong/shared';

/** The number of open findings in a list row: errors red, warnings orange, none green. */
export function FindingCount({ findings }: { findings: Finding[] }) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (errors)
    return (
      <Tag color="error">
        {errors} 项违规{warnings ? `、${warnings} 项待完善` : ''}
      </Tag>
    );
  if (warnings) return <Tag color="warning">{warnings} 项待完善</Tag>;
  return <Tag color="success">无</Tag>;
}
