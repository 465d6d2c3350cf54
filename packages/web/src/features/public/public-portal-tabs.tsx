import { Card, Collapse, Descriptions, Empty, List, Pagination, Space, Tag, Typography } from 'antd';
import { DISCLOSURE_KIND_LABELS, PROCUREMENT_STATUS_LABELS, PURCHASE_METHOD_LABELS, formatFen } from '@shegong/shared';
import { usePaging } from '../../lib/paging';
import { disclosureFileUrl } from '../organisations/organisations.api';
import { usePublicAnnouncements, usePublicOrganisations } from './public.api';

/** R-PUR-3 / R-CON-3: procurement announcements and their results, for the public. */
export function PublicAnnouncements() {
  const paging = usePaging({ unit: null });
  const { data, isLoading } = usePublicAnnouncements(paging.query);
  return (
    <List
      loading={isLoading}
      dataSource={data?.items}
      locale={{ emptyText: <Empty description="暂无采购公告" /> }}
      pagination={{ ...paging.pagination(data?.total), hideOnSinglePage: true }}
      renderItem={(p) => (
        <List.Item>
          <Card
            size="small"
            style={{ width: '100%' }}
            title={
              <Space wrap>
                {p.title}
                <Tag color={p.status === 'awarded' ? 'success' : 'processing'}>
                  {PROCUREMENT_STATUS_LABELS[p.status]}
                </Tag>
              </Space>
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="采购单位">{p.countyName}民政局</Descriptions.Item>
              <Descriptions.Item label="公告日期">{p.publishedOn}</Descriptions.Item>
              <Descriptions.Item label="购买方式">{PURCHASE_METHOD_LABELS[p.method]}</Descriptions.Item>
              <Descriptions.Item label="覆盖社工站">{p.stations.map((s) => s.name).join('、')}</Descriptions.Item>
              <Descriptions.Item label="服务内容" span={2}>
                {p.serviceContent}
              </Descriptions.Item>
              <Descriptions.Item label="服务标准" span={2}>
                {p.serviceStandards}
              </Descriptions.Item>
              <Descriptions.Item label="服务要求" span={2}>
                {p.requirements}
              </Descriptions.Item>
              <Descriptions.Item label="承接主体条件" span={2}>
                {p.bidderConditions}
              </Descriptions.Item>
              {p.award && (
                <Descriptions.Item label="结果" span={2}>
                  {p.award.organisationName}，{formatFen(p.award.amountFen)}（{p.award.awardedOn}）
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </List.Item>
      )}
    />
  );
}

/** R-ORG-2: organisations' disclosures, for the public. */
export function PublicOrganisations() {
  const paging = usePaging({ unit: '个社会组织' });
  const { data, isLoading } = usePublicOrganisations(paging.query);
  if (!isLoading && !data?.items.length) return <Empty description="暂无公开信息" />;
  return (
    <>
      <Collapse
        items={(data?.items ?? []).map((o) => ({
          key: o.id,
          label: (
            <Space wrap>
              {o.name}
              <Tag>{o.typeLabel}</Tag>
              {o.grade && <Tag color="gold">{o.grade}</Tag>}
              <Typography.Text type="secondary">{o.creditCode}</Typography.Text>
            </Space>
          ),
          children: o.disclosures.length ? (
            <List
              size="small"
              dataSource={o.disclosures}
              renderItem={(d) => (
                <List.Item>
                  {/* An h2 under the page's h1, not List.Item.Meta's h4: headings in order for screen readers. */}
                  <div>
                    <h2 style={{ font: 'inherit', fontWeight: 600, margin: '0 0 4px' }}>
                      <Space wrap>
                        <Tag>{DISCLOSURE_KIND_LABELS[d.kind]}</Tag>
                        {d.title}
                        {d.year && `（${d.year}年度）`}
                      </Space>
                    </h2>
                    <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                      {d.content}
                    </Typography.Paragraph>
                    {d.files.map((f) => (
                      <div key={f.id}>
                        <a href={disclosureFileUrl(o.id, d.id, f.fileId)}>{f.name}</a>
                      </div>
                    ))}
                  </div>
                </List.Item>
              )}
            />
          ) : (
            <Typography.Text type="secondary">
              尚未公开信息（登记机关：{o.registrationAuthority || '—'}）
            </Typography.Text>
          ),
        }))}
      />
      <Pagination style={{ marginTop: 16, textAlign: 'right' }} {...paging.pagination(data?.total)} hideOnSinglePage />
    </>
  );
}
