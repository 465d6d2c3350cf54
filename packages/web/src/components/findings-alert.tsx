import { Alert, List, Tag, Typography } from 'antd';
import { SEVERITY_LABELS, clauseOf, withClauses, type Finding } from '@shegong/shared';

const COLORS = { error: 'error', warning: 'warning', info: 'default' } as const;

/** Compliance findings (合规提示) on the record they concern: the plan's clause, what is wrong, what to do. */
export function FindingsAlert({ findings }: { findings: Finding[] }) {
  if (findings.length === 0)
    return <Alert type="success" showIcon title="合规提示：未发现问题" style={{ marginBottom: 16 }} />;
  const worst = findings.some((f) => f.severity === 'error')
    ? 'error'
    : findings.some((f) => f.severity === 'warning')
      ? 'warning'
      : 'info';
  return (
    <Alert
      type={worst}
      showIcon
      style={{ marginBottom: 16 }}
      title={`合规提示（${findings.length} 项）`}
      description={
        <List
          size="small"
          dataSource={findings}
          renderItem={(f) => (
            <List.Item style={{ paddingLeft: 0 }}>
              <div>
                <Tag color={COLORS[f.severity]}>{SEVERITY_LABELS[f.severity]}</Tag>
                <Tag>{clauseOf(f.ruleId)}</Tag>
                <Typography.Text>{withClauses(f.message)}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">处理建议：{withClauses(f.action)}</Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      }
    />
  );
}
