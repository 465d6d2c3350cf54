import type { ReactNode } from 'react';
import { Table } from 'antd';
import type { ServiceStatistics } from '@shegong/shared';

/** Minutes as hours with one decimal, as the figures read. */
export const hours = (minutes: number) => Math.round(minutes / 6) / 10;

type Row = ServiceStatistics['breakdown'][number];

/**
 * Figures by unit or by station (R-SVC-2, R-REP-3): units and stations compared, never workers. `nameOf` renders the
 * name (a link where the caller has one).
 */
export function BreakdownTable({ rows, nameOf }: { rows: Row[]; nameOf: (r: Row) => ReactNode }) {
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: true }}
      dataSource={rows}
      columns={[
        {
          title: rows[0]?.kind === 'unit' ? '县（区）' : '社工站',
          dataIndex: 'name',
          render: (_: string, r) => nameOf(r),
        },
        { title: '服务记录', dataIndex: 'records', align: 'right' },
        { title: '服务人次', dataIndex: 'personServices', align: 'right' },
        { title: '服务人数', dataIndex: 'peopleServed', align: 'right' },
        { title: '时长（小时）', dataIndex: 'minutes', align: 'right', render: (m: number) => hours(m) },
      ]}
    />
  );
}
