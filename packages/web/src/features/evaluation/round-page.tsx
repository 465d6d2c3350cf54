import { Result } from 'antd';

/** Placeholder until its change lands. */
export function RoundPage() {
  return <Result status="info" title="建设中" />;
}
