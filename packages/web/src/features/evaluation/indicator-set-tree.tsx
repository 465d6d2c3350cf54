import { Card, Grid, Table } from 'antd';
import {
  EVALUATOR_PARTY_LABELS,
  MEASURE_LABELS,
  SCORING_TYPE_LABELS,
  type IndicatorDimension,
  type IndicatorItem,
} from '@shegong/shared';

interface Row extends IndicatorItem {
  key: string;
  dimension: string;
  group: string;
  /** Rows the dimension's and group's cells span (0 on the rows they cover). */
  dimensionSpan: number;
  groupSpan: number;
}

/** One row per 三级 item, with its 一级 and 二级 cells spanning their items (as the printed tables do). */
function rowsOf(dimensions: IndicatorDimension[]): Row[] {
  return dimensions.flatMap((d, i) => {
    const dimensionItems = d.groups.reduce((n, g) => n + g.items.length, 0);
    return d.groups.flatMap((g, j) =>
      g.items.map((it, k) => ({
        ...it,
        key: `${i + 1}.${j + 1}.${k + 1}`,
        dimension: `${d.name}（${d.points} 分）`,
        group: `${g.name}（${g.points} 分）`,
        dimensionSpan: j === 0 && k === 0 ? dimensionItems : 0,
        groupSpan: k === 0 ? g.items.length : 0,
      })),
    );
  });
}

const measure = (m: IndicatorItem['measure']) => (m ? MEASURE_LABELS[m] : '—');
const wrap = { whiteSpace: 'pre-wrap' as const };

const COLUMNS = [
  { title: '一级指标', dataIndex: 'dimension', width: 110, onCell: (r: Row) => ({ rowSpan: r.dimensionSpan }) },
  { title: '二级指标', dataIndex: 'group', width: 130, onCell: (r: Row) => ({ rowSpan: r.groupSpan }) },
  { title: '三级指标', dataIndex: 'name', width: 130 },
  { title: '分值', dataIndex: 'points', width: 60 },
  {
    title: '计分方式',
    dataIndex: 'scoringType',
    width: 80,
    render: (v: IndicatorItem['scoringType']) => SCORING_TYPE_LABELS[v],
  },
  {
    title: '评分主体',
    dataIndex: 'party',
    width: 80,
    render: (v: IndicatorItem['party']) => EVALUATOR_PARTY_LABELS[v],
  },
  { title: '平台取数', dataIndex: 'measure', width: 140, render: measure },
  { title: '评分标准', dataIndex: 'guide', render: (v: string) => <div style={wrap}>{v || '—'}</div> },
  { title: '佐证材料', dataIndex: 'evidence', width: 140, render: (v: string) => v || '—' },
];

/**
 * The indicator tree (R-EVAL-2): 一级 → 二级 → 三级 with points, how each item is scored, by whom, what the platform
 * measures itself, the scoring guide and the evidence. A table at a desk; on a phone, one card per 一级 to read down.
 */
export function IndicatorSetTree({ dimensions }: { dimensions: IndicatorDimension[] }) {
  const narrow = Grid.useBreakpoint().md === false;
  if (!narrow)
    return (
      <Table<Row>
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        dataSource={rowsOf(dimensions)}
        columns={COLUMNS}
        scroll={{ x: 1100 }}
      />
    );
  return (
    <>
      {dimensions.map((d, i) => (
        <Card key={i} size="small" title={`${d.name}（${d.points} 分）`} style={{ marginBottom: 12 }}>
          {d.groups.map((g, j) => (
            <div key={j} style={{ marginBottom: 12 }}>
              <div style={{ fontWeight: 600, padding: '4px 8px', marginBottom: 8, background: '#f5f5f5' }}>
                {`${g.name}（${g.points} 分）`}
              </div>
              {g.items.map((it, k) => (
                <div key={k} style={{ padding: '0 8px 8px', marginBottom: 8, borderBottom: '1px solid #f0f0f0' }}>
                  <div style={{ fontWeight: 600 }}>{`${it.name}（${it.points} 分）`}</div>
                  <div style={{ color: '#595959', fontSize: 13 }}>
                    {`${SCORING_TYPE_LABELS[it.scoringType]} · ${EVALUATOR_PARTY_LABELS[it.party]}评分`}
                    {it.measure && ` · 平台取数：${MEASURE_LABELS[it.measure]}`}
                  </div>
                  {it.guide && <div style={{ ...wrap, marginTop: 4 }}>{it.guide}</div>}
                  {it.evidence && (
                    <div style={{ color: '#595959', fontSize: 13, marginTop: 4 }}>{`佐证材料：${it.evidence}`}</div>
                  )}
                </div>
              ))}
            </div>
          ))}
        </Card>
      ))}
    </>
  );
}
