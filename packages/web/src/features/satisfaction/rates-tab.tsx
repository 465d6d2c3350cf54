import { useSearchParams } from 'react-router';
import { Card, DatePicker, Empty, Grid, List, Space, Table } from 'antd';
import dayjs from 'dayjs';
import type { SatisfactionRate } from '@shegong/shared';
import { rateOf } from './satisfaction-tags';
import { useRates } from './satisfaction.api';

const tally = (t: { answers: number; satisfied: number }) =>
  t.answers ? `${t.satisfied}/${t.answers}（${rateOf(t.satisfied, t.answers)}）` : '—';

/** The rate per station in scope over a period (this year so far unless the address says otherwise). */
export function RatesTab() {
  const narrow = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? dayjs().startOf('year').format('YYYY-MM-DD');
  const to = params.get('to') ?? dayjs().format('YYYY-MM-DD');
  const { data, isLoading } = useRates({ from, to });
  const items = data?.items ?? [];
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <span>评价日期</span>
          <DatePicker.RangePicker
            aria-label="评价日期"
            allowClear={false}
            value={[dayjs(from), dayjs(to)]}
            onChange={(v) => {
              if (!v?.[0] || !v[1]) return;
              const next = new URLSearchParams(params);
              next.set('from', v[0].format('YYYY-MM-DD'));
              next.set('to', v[1].format('YYYY-MM-DD'));
              setParams(next, { replace: true });
            }}
          />
        </Space>
      </Card>
      {narrow ? (
        <List
          loading={isLoading}
          dataSource={items}
          locale={{ emptyText: <Empty description="范围内没有运营中的社工站" /> }}
          renderItem={(r: SatisfactionRate) => (
            <List.Item style={{ padding: 0, border: 'none', marginBottom: 8 }}>
              <Card size="small" style={{ width: '100%' }} title={r.stationName}>
                <div>
                  满意率：{rateOf(r.satisfied, r.answers)}（{r.answers} 条评价）
                </div>
                <div>扫码评价：{tally(r.byChannel.public_form)}</div>
                <div>随机回访：{tally(r.byChannel.call_back)}</div>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<SatisfactionRate>
          rowKey="stationId"
          loading={isLoading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <Empty description="范围内没有运营中的社工站" /> }}
          columns={[
            { title: '社工站', dataIndex: 'stationName' },
            { title: '评价数', dataIndex: 'answers', align: 'right' },
            { title: '满意数', dataIndex: 'satisfied', align: 'right' },
            { title: '满意率', key: 'rate', align: 'right', render: (_, r) => rateOf(r.satisfied, r.answers) },
            { title: '扫码评价（满意/总数）', key: 'pf', render: (_, r) => tally(r.byChannel.public_form) },
            { title: '随机回访（满意/总数）', key: 'cb', render: (_, r) => tally(r.byChannel.call_back) },
          ]}
        />
      )}
    </>
  );
}
