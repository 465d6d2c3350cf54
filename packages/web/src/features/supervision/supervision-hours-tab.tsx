import { useState } from 'react';
import { Card, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import type { SupervisionHoursRow } from '@shegong/shared';
import { useSupervisionHours } from './supervision.api';
import { fmtHours, recentYears } from './supervision-words';

/**
 * 督导学时 (R-EVAL-4): each worker's supervision hours and sessions in a year, per station. Listed by station and name as
 * the server orders them, and not sortable by hours: workers are not ranked against each other (PEERS.md §6).
 */
export function SupervisionHoursTab() {
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const { data, isLoading } = useSupervisionHours(year);
  return (
    <Card>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="年度"
          style={{ width: 120 }}
          value={year}
          options={recentYears(thisYear).map((y) => ({ value: y, label: `${y} 年` }))}
          onChange={setYear}
        />
      </Space>
      <Table<SupervisionHoursRow>
        rowKey={(r) => `${r.stationId}/${r.workerId}`}
        loading={isLoading}
        dataSource={data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: `${year} 年尚无督导记录` }}
        columns={[
          { title: '社工站', dataIndex: 'stationName' },
          { title: '社工', dataIndex: 'workerName' },
          { title: '督导时长', dataIndex: 'hours', align: 'right', render: fmtHours },
          { title: '督导次数', dataIndex: 'sessions', align: 'right', render: (n: number) => `${n} 次` },
        ]}
      />
    </Card>
  );
}
