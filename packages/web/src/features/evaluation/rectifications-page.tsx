import { Result } from 'antd';

/** Placeholder until its change lands. */
export function RectificationsPage() {
  return <Result status="info" title="建设中" />;
}
