import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, Table, Tag, theme } from 'antd';
import { CIRCULAR_MEASURES, type Circular, type CircularMeasure } from '@shegong/shared';
import { countText, MEASURE_TITLES, measureLink, valueText, type CircularRow } from './circular-words';

interface Props {
  c: Circular;
  narrow: boolean;
  /** The city marks or unmarks a unit (shown when the server says it may). */
  onCommend?: (row: CircularRow) => void;
}

/** One measure of a unit: its value (a link to the records behind it), its rank, and what it is made of. */
function MeasureCell({ row, m, period }: { row: CircularRow; m: CircularMeasure; period: string }) {
  const { token } = theme.useToken();
  const rank = row.ranks[m];
  return (
    <div>
      {/* Underlined: the rank follows on the same line, so colour alone would not mark the link (WCAG 1.4.1). */}
      {row.values[m] == null ? (
        valueText(m, null)
      ) : (
        <Link to={measureLink(m, row.code, period)} style={{ textDecoration: 'underline' }}>
          {valueText(m, row.values[m])}
        </Link>
      )}
      {rank != null && <span style={{ color: token.colorTextDescription, marginLeft: 4 }}>第{rank}名</span>}
      <div style={{ color: token.colorTextDescription, fontSize: token.fontSizeSM, whiteSpace: 'nowrap' }}>
        {countText(m, row.counts[m])}
      </div>
    </div>
  );
}

function Commendation({ row, onCommend }: { row: CircularRow; onCommend?: Props['onCommend'] }): ReactNode {
  return (
    <div>
      {row.commended ? <Tag color="gold">拟表彰</Tag> : onCommend ? null : '—'}
      {row.commendationNote && <div style={{ maxWidth: 160, whiteSpace: 'normal' }}>{row.commendationNote}</div>}
      {onCommend && (
        <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onCommend(row)}>
          {row.commended ? '修改或取消表彰' : '标记表彰'}
        </Button>
      )}
    </div>
  );
}

/** 通报's ranking (R-REP-4): units in overall order; a table at desks, a card a unit on phones. */
export function CircularTable({ c, narrow, onCommend }: Props) {
  const { token } = theme.useToken();
  if (narrow)
    return (
      <ol style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 }}>
        {c.rows.map((row) => (
          <li
            key={row.code}
            style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: 8, padding: 12 }}
          >
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginBottom: 8 }}>
              <strong>
                第{row.overallRank}名 {row.name}
              </strong>
              {row.commended && <Tag color="gold">拟表彰</Tag>}
            </div>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 8 }}>
              {CIRCULAR_MEASURES.map((m) => (
                <div key={m}>
                  <div style={{ color: token.colorTextDescription, fontSize: token.fontSizeSM }}>
                    {MEASURE_TITLES[m]}
                  </div>
                  <MeasureCell row={row} m={m} period={c.period} />
                </div>
              ))}
            </div>
            {row.commendationNote && <div style={{ marginTop: 8 }}>表彰说明：{row.commendationNote}</div>}
            {onCommend && (
              <Button size="small" type="link" style={{ padding: 0, marginTop: 4 }} onClick={() => onCommend(row)}>
                {row.commended ? '修改或取消表彰' : '标记表彰'}
              </Button>
            )}
          </li>
        ))}
      </ol>
    );
  return (
    <Table<CircularRow>
      rowKey="code"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={c.rows}
      columns={[
        { title: '综合排名', dataIndex: 'overallRank', align: 'center', fixed: 'left', width: 80 },
        { title: '县（区）', dataIndex: 'name', fixed: 'left' },
        ...CIRCULAR_MEASURES.map((m) => ({
          title: MEASURE_TITLES[m],
          key: m,
          render: (_: unknown, row: CircularRow) => <MeasureCell row={row} m={m} period={c.period} />,
        })),
        {
          title: '表彰',
          key: 'commended',
          width: 170,
          render: (_, row) => <Commendation row={row} onCommend={onCommend} />,
        },
      ]}
    />
  );
}
