import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Col, ConfigProvider, Empty, List, QRCode, Row, Select, theme, Typography } from 'antd';
import {
  CheckOutlined,
  ClockCircleOutlined,
  EnvironmentOutlined,
  FontSizeOutlined,
  PhoneOutlined,
  SmileOutlined,
} from '@ant-design/icons';
import { useAuth } from '../../app/auth';
import { useDivisions } from '../../lib/divisions';
import { usePaging } from '../../lib/paging';
import { PublicAnnouncements, PublicOrganisations } from './public-portal-tabs';
import { LARGE_TEXT, useLargeText } from './large-text';
import { PortalTabs } from './portal-tabs';
import { usePublicStations } from './public.api';

/**
 * The public portal (no login, no personal data): operating stations, procurement announcements, disclosures. Read by
 * the people the stations serve, elderly and disabled ones too (GB/T 37668-2019, 适老化): landmarks and one h1, a skip
 * link, every control reachable by keyboard, and 大字模式, which the antd theme carries to every component.
 */
export function PublicDirectoryPage() {
  const [large, setLarge] = useLargeText();
  return (
    <ConfigProvider theme={large ? LARGE_TEXT : undefined}>
      <Portal large={large} onLarge={setLarge} />
    </ConfigProvider>
  );
}

function Portal({ large, onLarge }: { large: boolean; onLarge: (on: boolean) => void }) {
  const { user } = useAuth();
  const { token } = theme.useToken();
  // On the blue header the focus ring is white, elsewhere the theme's blue (app/typeset.tsx).
  const headStyle = '.portal-head a:focus-visible{outline-color:#fff}';
  return (
    <div style={{ minHeight: '100vh', background: '#f5f7fa', fontSize: token.fontSize, lineHeight: token.lineHeight }}>
      <style href="shegong-portal-head" precedence="default">
        {headStyle}
      </style>
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <header className="portal-head" style={{ background: token.colorPrimary, color: '#fff', padding: '20px 16px' }}>
        <div
          style={{
            maxWidth: 1100,
            margin: '0 auto',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            flexWrap: 'wrap',
            gap: 12,
          }}
        >
          <div>
            <Typography.Title level={1} style={{ color: '#fff', margin: 0, fontSize: token.fontSizeHeading3 }}>
              濮阳市社会工作服务站公开目录
            </Typography.Title>
            <div>乡镇（街道）社会工作服务站 · 采购公告 · 承接机构信息公开</div>
          </div>
          <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 16 }}>
            <Button
              aria-pressed={large}
              icon={large ? <CheckOutlined /> : <FontSizeOutlined />}
              onClick={() => onLarge(!large)}
            >
              大字模式
            </Button>
            <Link to={user ? '/' : '/login'} style={{ color: '#fff' }}>
              {user ? '返回工作台' : '工作人员登录'}
            </Link>
          </div>
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        style={{
          maxWidth: 1100,
          margin: '0 auto',
          width: '100%',
          padding: 16,
          boxSizing: 'border-box',
          outline: 'none',
        }}
      >
        <PortalTabs
          label="公开信息"
          items={[
            { key: 'stations', label: '社工站', children: <StationDirectory /> },
            { key: 'announcements', label: '采购公告', children: <PublicAnnouncements /> },
            { key: 'organisations', label: '社会组织信息公开', children: <PublicOrganisations /> },
          ]}
        />
      </main>
    </div>
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
        <Row gutter={[8, 8]} align="middle">
          <Col>
            <label htmlFor="public-county">县（区）：</label>
          </Col>
          <Col flex="auto">
            {/* Typing filters the counties; arrows and Enter choose one (keyboard alone). */}
            <Select
              id="public-county"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
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
          <Col role="status">共 {data?.total ?? 0} 个运营中的社工站</Col>
        </Row>
      </Card>
      <List
        loading={isLoading}
        grid={{ gutter: 16, xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}
        dataSource={data?.items}
        locale={{ emptyText: <Empty description="暂无运营中的社工站" /> }}
        pagination={{ ...paging.pagination(data?.total), hideOnSinglePage: true }}
        renderItem={(s) => (
          <List.Item>
            <Card title={<h2 style={{ font: 'inherit', margin: 0 }}>{s.name}</h2>} size="small">
              <div>
                {s.countyName} · {s.townshipName}
              </div>
              <div>
                <EnvironmentOutlined aria-label="地址" /> {s.address || '地址待公布'}
              </div>
              <div>
                <PhoneOutlined aria-label="电话" /> {s.phone || '电话待公布'}
              </div>
              <div>
                <ClockCircleOutlined aria-label="开放时间" /> {s.openingHours || '开放时间待公布'}
              </div>
              <SatisfactionCode stationId={s.id} stationName={s.name} />
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}

/**
 * 满意度评价 (R-EVAL-3, 《实施方案》四（四）): the station's QR code, to print at the station or scan from this page, and a
 * link for whoever reads the page on a phone already. The form needs no login and is anonymous by default.
 */
function SatisfactionCode({ stationId, stationName }: { stationId: string; stationName: string }) {
  const path = `/s/${stationId}/satisfaction`;
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginTop: 8 }}>
      <QRCode value={`${window.location.origin}${path}`} size={88} type="svg" bordered={false} aria-hidden />
      <div>
        <div>扫码评价本站服务</div>
        <Link to={path} title={`评价${stationName}的服务`}>
          <SmileOutlined /> 满意度评价
        </Link>
      </div>
    </div>
  );
}
