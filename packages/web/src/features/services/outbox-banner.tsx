import { useEffect, type CSSProperties } from 'react';
import { Link } from 'react-router';
import { Alert } from 'antd';
import { useAuth } from '../../app/auth';
import { flush, recover } from './outbox';
import { registerOfflineShell } from './offline-shell';
import { useOnline, useOutbox } from './use-outbox';

const RETRY_MS = 60_000;

/**
 * In the shell for whoever may write service records: sends the outbox on start, when the session is renewed (after a
 * login, or when the browser comes back online) and every minute, and shows 待发送 N 条 while anything waits (R-SVC-2). Loaded lazily, so the first screen carries none
 * of it.
 */
export function OutboxBanner({ style }: { style?: CSSProperties }) {
  const { user } = useAuth();
  const userId = user?.id;
  const items = useOutbox(userId);
  const online = useOnline();
  // A new session object (after login, or renewed when the connection returns) sends again.
  useEffect(() => {
    if (!userId) return;
    registerOfflineShell();
    void recover(userId).then(() => flush(userId));
    // Back online, the session is asked for again (auth.tsx), which renews `user` and runs this effect: sending waits
    // for the renewed CSRF token instead of racing it.
    const timer = setInterval(() => void flush(userId), RETRY_MS);
    return () => clearInterval(timer);
  }, [userId, user]);
  if (!items?.length) return null;
  const refused = items.filter((i) => i.state === 'refused').length;
  return (
    <Alert
      role="status"
      type={refused ? 'error' : 'warning'}
      banner
      style={style}
      title={
        <span>
          待发送 {items.length} 条服务记录
          {refused > 0 && `，其中 ${refused} 条被退回需修改`}
          {!online && '（当前无网络，联网后自动发送）'}{' '}
          <Link to="/services/outbox" style={{ textDecoration: 'underline' }}>
            查看
          </Link>
        </span>
      }
    />
  );
}
