import { Card, Empty, List, Space, theme } from 'antd';
import dayjs from 'dayjs';
import { Heading } from '../../components/text';
import { ReviewItem } from './review-item';
import { useSupervisionHours, useSupervisionReviews, useSupervisionSessions } from './supervision.api';
import { fmtHours, SupervisorKindTag } from './supervision-words';

/**
 * A social worker's own 督导 on the phone (R-EVAL-4): the hours of supervision this year, the comments on their work
 * waiting for their answer (answered in the card), and the sessions they attended lately. One column, big buttons.
 */
export function MySupervision() {
  const { token } = theme.useToken();
  const year = dayjs().year();
  const hours = useSupervisionHours(year);
  const waiting = useSupervisionReviews({ status: 'open', page: 1, pageSize: 50 });
  const recent = useSupervisionSessions({ year, page: 1, pageSize: 5 });
  const rows = hours.data?.items ?? [];
  const total = rows.reduce((a, r) => a + r.hours, 0);
  const times = rows.reduce((a, r) => a + r.sessions, 0);
  const section = { margin: `${token.marginLG}px 0 ${token.marginSM}px`, fontSize: token.fontSizeHeading5 };
  return (
    <>
      <Card loading={hours.isLoading}>
        <div style={{ color: token.colorTextDescription }}>{year} 年参加督导</div>
        <div style={{ fontSize: token.fontSizeHeading2, fontWeight: token.fontWeightStrong }}>{fmtHours(total)}</div>
        <div style={{ color: token.colorTextDescription }}>共 {times} 次</div>
      </Card>

      <Heading level={2} style={section}>
        待我回复的督导意见{waiting.data?.total ? `（${waiting.data.total}）` : ''}
      </Heading>
      <List
        loading={waiting.isLoading}
        dataSource={waiting.data?.items}
        locale={{ emptyText: <Empty description="没有待回复的督导意见" /> }}
        renderItem={(r) => (
          <List.Item key={r.id} style={{ padding: 0, border: 'none', marginBottom: 12 }}>
            <Card size="small" style={{ width: '100%' }}>
              <ReviewItem r={r} showStation={false} />
            </Card>
          </List.Item>
        )}
      />

      <Heading level={2} style={section}>
        最近参加的督导
      </Heading>
      <List
        loading={recent.isLoading}
        dataSource={recent.data?.items}
        locale={{ emptyText: <Empty description={`${year} 年尚无督导记录`} /> }}
        renderItem={(s) => (
          <List.Item key={s.id} style={{ padding: 0, border: 'none', marginBottom: 12 }}>
            <Card size="small" style={{ width: '100%' }}>
              <Space wrap size={4}>
                <span style={{ fontWeight: token.fontWeightStrong }}>{s.heldOn}</span>
                <SupervisorKindTag kind={s.supervisorKind} />
                <span>{s.supervisorName}</span>
                <span style={{ color: token.colorTextDescription }}>{fmtHours(s.hours)}</span>
              </Space>
              <div style={{ marginTop: token.marginXXS, overflowWrap: 'anywhere' }}>{s.topics}</div>
              {s.followUp && (
                <div style={{ marginTop: token.marginXXS, overflowWrap: 'anywhere' }}>
                  <span style={{ color: token.colorTextDescription }}>跟进事项：</span>
                  {s.followUp}
                </div>
              )}
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}
