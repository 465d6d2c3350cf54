import { Table } from 'antd';
import { CIRCULAR_MEASURES } from '@shegong/shared';
import { CircularCards, Commendation, MeasureCell, type CircularRowsProps } from './circular-cards';
import { MEASURE_TITLES, type CircularRow } from './circular-words';

/** 通报's ranking (R-REP-4): units in overall order; a table at desks, a card a unit on phones. */
export function CircularTable({ c, narrow, onCommend }: CircularRowsProps & { narrow: boolean }) {
  if (narrow) return <CircularCards c={c} onCommend={onCommend} />;
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
