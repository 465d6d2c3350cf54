import { useNavigate } from 'react-router';
import { App, Button, Card, Empty, Flex, Space, Tag } from 'antd';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { Text } from '../../components/text';
import { discard, flush, retry } from './outbox';
import type { OutboxItem } from './outbox-db';
import { useOnline, useOutbox } from './use-outbox';

const STATE: Record<OutboxItem['state'], { label: string; color: string }> = {
  waiting: { label: '等待发送', color: 'gold' },
  sending: { label: '发送中', color: 'blue' },
  refused: { label: '被退回', color: 'red' },
};

/**
 * 待发送 (R-SVC-2 offline tolerance): what this phone still holds, with its state. A record the server refused stays
 * here with the server's words until the worker fixes it or discards it (never dropped silently).
 */
export function OutboxPage() {
  const { user } = useAuth();
  const { modal } = App.useApp();
  const nav = useNavigate();
  const items = useOutbox(user?.id);
  const online = useOnline();
  return (
    <div style={{ maxWidth: 640 }}>
      <PageHeader
        title={`待发送 ${items?.length ?? 0} 条`}
        crumbs={[{ title: '服务记录', to: '/services' }, { title: '待发送' }]}
        extra={
          <Button disabled={!online || !items?.length} onClick={() => user && void flush(user.id)}>
            立即发送
          </Button>
        }
      />
      {!online && <Text type="secondary">当前无网络。记录已保存在本机，联网后自动发送。</Text>}
      {items && !items.length && <Empty description="没有待发送的记录" />}
      <Flex vertical gap={12} style={{ marginTop: 12 }}>
        {items?.map((it) => (
          <Card key={it.id} size="small">
            <Flex justify="space-between" align="start" gap={8}>
              <div style={{ minWidth: 0 }}>
                <div style={{ fontSize: 16, overflowWrap: 'anywhere' }}>{it.title}</div>
                <Text type="secondary">
                  {it.accepted ? '记录已送达，' : ''}
                  {it.photos.length ? `照片 ${it.photos.length} 张待上传` : it.accepted ? '' : '无照片'}
                </Text>
              </div>
              <Tag color={STATE[it.state].color}>{STATE[it.state].label}</Tag>
            </Flex>
            {it.error && (
              <div role="alert" style={{ color: '#cf1322', marginTop: 8, overflowWrap: 'anywhere' }}>
                {it.error}
              </div>
            )}
            {it.state === 'refused' && (
              <Space wrap style={{ marginTop: 8 }}>
                {!it.accepted && (
                  <Button type="primary" onClick={() => nav(`/services/new?fix=${it.id}`)}>
                    修改
                  </Button>
                )}
                <Button onClick={() => void retry(it)}>重新发送</Button>
                <Button
                  danger
                  onClick={() =>
                    modal.confirm({
                      title: '放弃这条记录？',
                      content: it.accepted
                        ? '记录已送达，放弃的是尚未上传的照片。'
                        : '放弃后这条服务记录不会保存到系统中，无法恢复。',
                      okText: '放弃',
                      okButtonProps: { danger: true },
                      cancelText: '取消',
                      onOk: () => discard(it.id),
                    })
                  }
                >
                  放弃
                </Button>
              </Space>
            )}
          </Card>
        ))}
      </Flex>
    </div>
  );
}
