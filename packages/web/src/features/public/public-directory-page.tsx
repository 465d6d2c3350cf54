import { useState } from 'react';
import { Link } from 'react-router';
import { Card, Col, Empty, Layout, List, Row, Select, Tabs, Typography } from 'antd';
import { EnvironmentOutlined, PhoneOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { useAuth } from '../../app/auth';
import { useDivisions } from '../../lib/divisions';
import { usePaging } from '../../lib/paging';
import { PublicAnnouncements, PublicOrganisations } from './public-portal-tabs';
import { usePublicStations } from './public.api';

/** The public portal (no login, no personal data): operating stations, procurement announcements, disclosures. */
export function PublicDirectoryPage() {
  const { user } = useAuth();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <div style={{ background: '#1677ff', color: '#fff', padding: '20px 16px' }}>
        <div
          style={{
            maxWidth: 1100,
            margin: '0 auto',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            flexWrap: 'wrap',
            gap: 8,
          }}
        >
          <div>
            <Typography.Title level={3} style={{ color: '#fff', margin: 0 }}>
              濮阳市社会工作服务站公开目录
            </Typography.Title>
            <div>乡镇（街道）社会工作服务站 · 采购公告 · 承接机构信息公开</div>
          </div>
          <Link to={user ? '/' : '/login'} style={{ color: '#fff' }}>
            {user ? '返回工作台' : '工作人员登录'}
          </Link>
        </div>
      </div>
      <div style={{ maxWidth: 1100, margin: '0 auto', width: '100%', padding: 16 }}>
        <Tabs
          items={[
            { key: 'stations', label: '社工站', children: <StationDirectory /> },
            { key: 'announcements', label: '采购公告', children: <PublicAnnouncements /> },
            { key: 'organisations', label: '社会组织信息公开', children: <PublicOrganisations /> },
          ]}
        />
      </div>
    </Layout>
  );
}

function StationDirectory() {
  const [county, setCounty] = useState<string | undefined>();
  const paging = usePaging({ pageSize: 30, pageSizeOptions: [30, 60, 90], unit: null });
  const divisions = useDivisions();
  const { data, isLoading } = usePublicStations({ county, ...paging.query });
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={8} align="middle">
          <Col>县（区）：</Col>
          <Col flex="auto">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 200, maxWidth: '100%' }}
              value={county}
              onChange={(c) => {
                setCounty(c);
                paging.reset();
              }}
              options={(divisions.data ?? [])
                .filter((d) => d.level === 'county')
                .map((d) => ({ value: d.code, label: d.name }))}
            />
          </Col>
          <Col>共 {data?.total ?? 0} 个运营中的社工站</Col>
        </Row>
      </Card>
      <List
        loading={isLoading}
        grid={{ gutter: 16, xs: 1, sm: 1, md: 2, lg: 3 }}
        dataSource={data?.items}
        locale={{ emptyText: <Empty description="暂无运营中的社工站" /> }}
        pagination={{ ...paging.pagination(data?.total), hideOnSinglePage: true }}
        renderItem={(s) => (
          <List.Item>
            <Card title={s.name} size="small">
              <div>
                {s.countyName} · {s.townshipName}
              </div>
              <div>
                <EnvironmentOutlined /> {s.address || '地址待公布'}
              </div>
              <div>
                <PhoneOutlined /> {s.phone || '电话待公布'}
              </div>
              <div>
                <ClockCircleOutlined /> {s.openingHours || '开放时间待公布'}
              </div>
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}
