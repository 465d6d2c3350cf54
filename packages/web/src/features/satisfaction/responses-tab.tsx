import { useSearchParams } from 'react-router';
import { Card, Empty, List, Select, Space, theme } from 'antd';
import { SATISFACTION_CHANNEL_LABELS, SATISFACTION_CHANNELS, type SatisfactionChannel } from '@shegong/shared';
import { usePaging } from '../../lib/paging';
import { ChannelTag, RatingTag } from './satisfaction-tags';
import { useResponses } from './satisfaction.api';

const isChannel = (v: string | null): v is SatisfactionChannel =>
  !!v && (SATISFACTION_CHANNELS as readonly string[]).includes(v);
const PARTS = [
  ['attitude', '服务态度'],
  ['timeliness', '服务及时性'],
  ['effect', '服务效果'],
] as const;

/** The answers in scope, newest first; a contact only when left by choice, in clear for the project lead alone. */
export function ResponsesTab() {
  const { token } = theme.useToken();
  const [params, setParams] = useSearchParams();
  const channel = params.get('channel');
  const paging = usePaging({ unit: '条评价' });
  const { data, isLoading } = useResponses({ ...(isChannel(channel) ? { channel } : {}), ...paging.query });
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select
            allowClear
            aria-label="评价渠道"
            placeholder="评价渠道"
            style={{ width: 160 }}
            value={isChannel(channel) ? channel : undefined}
            options={SATISFACTION_CHANNELS.map((c) => ({ value: c, label: SATISFACTION_CHANNEL_LABELS[c] }))}
            onChange={(v?: string) => {
              const next = new URLSearchParams(params);
              if (v) next.set('channel', v);
              else next.delete('channel');
              setParams(next, { replace: true });
              paging.reset();
            }}
          />
        </Space>
      </Card>
      <List
        loading={isLoading}
        dataSource={data?.items}
        locale={{ emptyText: <Empty description="暂无评价：服务对象扫描社工站公开页面的二维码即可评价" /> }}
        pagination={data?.total ? { ...paging.pagination(data.total), simple: true, align: 'center' } : false}
        renderItem={(r) => (
          <List.Item style={{ padding: 0, border: 'none', marginBottom: 8 }}>
            <Card size="small" style={{ width: '100%' }}>
              <Space wrap size={4}>
                <RatingTag value={r.overall} />
                <ChannelTag channel={r.channel} />
                <span style={{ color: token.colorTextDescription }}>
                  {r.answeredOn} · {r.stationName}
                </span>
              </Space>
              <div style={{ marginTop: 4, color: token.colorTextSecondary }}>
                {PARTS.filter(([k]) => r[k] !== null)
                  .map(([k, label]) => `${label} ${r[k]} 分`)
                  .join('，')}
              </div>
              {r.comment && <div style={{ marginTop: 4, overflowWrap: 'anywhere' }}>{r.comment}</div>}
              <div style={{ marginTop: 4, color: token.colorTextDescription }}>
                {r.anonymous ? '匿名' : `联系人：${r.contactName ?? ''} ${r.contactPhone ?? ''}`}
              </div>
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}
