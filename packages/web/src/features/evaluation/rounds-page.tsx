import { Result } from 'antd';

/** Placeholder until its change lands. */
export function RoundsPage() {
  return <Result status="info" title="建设中" />;
}
